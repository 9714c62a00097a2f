import Foundation
import Kiosk

/// The screens that follow the hub, as they say: each long-poll names the screen and the
/// version it has, and each screen reports what it is and shows (with a thumbnail) at least
/// every 20 s. A name belongs to the address it was first heard from while that screen is
/// heard from (5 minutes): another machine sending the fleet's token cannot report as it.
final class ScreenRegistry: @unchecked Sendable {
    /// One screen as the hub last heard from it.
    struct Screen: Sendable, Codable, Equatable {
        var name: String
        var lastSeen: Date
        var programVersion: String?
        var liveVersion: String?
        var address: String?
        /// From its reports: its sign, size, rotation and Skylt version.
        var sign: String?, size: String?, rotation: Int?, version: String?
        /// From its reports: its theme (a name or a file on the screen).
        var theme: String?
        /// From its reports: whether its panel is on and its clock trusted.
        var screenOn: Bool?, clockTrusted: Bool?
        var lastReport: Date?
        var hasThumbnail = false

        /// Whether this screen shows `room`: its own sign, a lobby (of every room, or of a list
        /// naming it), or one that has not said.
        func shows(_ room: String) -> Bool {
            guard let sign else { return true }
            if sign.hasPrefix("room ") { return sign == "room " + room }
            if sign.hasPrefix("lobby of ") { return sign.dropFirst(9).split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == room } }
            return true
        }

        enum CodingKeys: String, CodingKey {
            case name, lastSeen = "last_seen", programVersion = "program_version", liveVersion = "live_version", address
            case sign, size, rotation, version, theme, screenOn = "screen_on", clockTrusted = "clock_trusted", lastReport = "last_report"
            case hasThumbnail = "has_thumbnail"
        }
    }

    /// A report as a screen sends it.
    struct Report: Decodable, Equatable {
        var sign: String?, size: String?, rotation: Int?, version: String?, theme: String?
        var programVersion: String?, liveVersion: String?
        var screenOn: Bool?, clockTrusted: Bool?

        enum CodingKeys: String, CodingKey {
            case sign, size, rotation, version, theme, programVersion = "program_version", liveVersion = "live_version"
            case screenOn = "screen_on", clockTrusted = "clock_trusted"
        }
    }

    /// At most this many screens are remembered (a venue has dozens; a hostile client cannot grow it).
    static let maxScreens = 10_000
    /// A report's body at most.
    static let maxReportBytes = 4096
    /// A thumbnail at most.
    static let maxThumbnailBytes = 256 * 1024
    /// How long a name stays with the address it was heard from.
    static let claimTime: TimeInterval = 300

    private let lock = NSLock()
    private var screens: [String: Screen] = [:]
    private var thumbnails: [String: [UInt8]] = [:]

    /// Whether `name` may be heard from `address` now (it is new, or it was last heard from
    /// there, or not for `claimTime`).
    private func mayClaim(_ name: String, _ address: String, _ now: Date) -> Bool {
        guard let screen = screens[name], let owner = screen.address else { return screens.count < Self.maxScreens }
        return owner == address || now.timeIntervalSince(screen.lastSeen) > Self.claimTime
    }

    /// Records that `name` asked from `address`, having the `program` or `live` version given;
    /// false when the name belongs to another address.
    @discardableResult
    func saw(_ name: String, from address: String, at now: Date, program: String? = nil, live: String? = nil) -> Bool {
        lock.withLock {
            guard mayClaim(name, address, now) else { return false }
            var screen = screens[name] ?? Screen(name: name, lastSeen: now)
            screen.lastSeen = now
            screen.address = address
            if let program { screen.programVersion = program }
            if let live { screen.liveVersion = live }
            screens[name] = screen
            return true
        }
    }

    /// Takes a report (JSON within bounds); false when it is not one or the name is another's.
    func report(_ name: String, from address: String, at now: Date, body: [UInt8]) -> Bool {
        guard body.count <= Self.maxReportBytes, let report = try? JSONDecoder().decode(Report.self, from: Data(body)) else { return false }
        func short(_ text: String?) -> String? { text.map { String(DisplayTextLimit.clean($0).prefix(80)) } }
        return lock.withLock {
            guard mayClaim(name, address, now) else { return false }
            var screen = screens[name] ?? Screen(name: name, lastSeen: now)
            (screen.lastSeen, screen.lastReport, screen.address) = (now, now, address)
            (screen.sign, screen.size, screen.rotation, screen.version) = (short(report.sign), short(report.size), report.rotation, short(report.version))
            (screen.screenOn, screen.clockTrusted, screen.theme) = (report.screenOn, report.clockTrusted, short(report.theme))
            // The versions a screen's requests carry are the newest it has; a report may have been
            // made a moment before it took up a change, so it only fills in what is not known.
            if screen.programVersion == nil, let version = report.programVersion { screen.programVersion = String(version.prefix(64)) }
            if screen.liveVersion == nil, let version = report.liveVersion { screen.liveVersion = String(version.prefix(64)) }
            screens[name] = screen
            return true
        }
    }

    /// Takes a thumbnail (a PNG within bounds); false when it is not one or the name is another's.
    func thumbnail(_ name: String, from address: String, at now: Date, png: [UInt8]) -> Bool {
        guard png.count <= Self.maxThumbnailBytes, png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return false }
        return lock.withLock {
            guard mayClaim(name, address, now) else { return false }
            var screen = screens[name] ?? Screen(name: name, lastSeen: now)
            (screen.lastSeen, screen.address, screen.hasThumbnail) = (now, address, true)
            screens[name] = screen
            thumbnails[name] = png
            return true
        }
    }

    /// A screen's latest thumbnail.
    func thumbnail(of name: String) -> [UInt8]? { lock.withLock { thumbnails[name] } }

    /// Every screen, by name.
    var all: [Screen] { lock.withLock { screens.values.sorted { $0.name < $1.name } } }
}

/// Report texts shown on the technician's page: no control characters.
enum DisplayTextLimit {
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isDefaultIgnorableCodePoint && !(CharacterSet.controlCharacters.contains($0)) }))
    }
}
