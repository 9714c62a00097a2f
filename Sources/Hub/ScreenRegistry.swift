import Foundation
import Kiosk

/// The screens that follow the hub, as their requests say: each long-poll names the screen
/// and the versions it has, so the hub knows without a report which screens are up and whether
/// they have the latest program and live state.
final class ScreenRegistry: @unchecked Sendable {
    /// One screen as the hub last heard from it.
    struct Screen: Sendable, Codable, Equatable {
        var name: String
        var lastSeen: Date
        var programVersion: String?
        var liveVersion: String?

        enum CodingKeys: String, CodingKey {
            case name, lastSeen = "last_seen", programVersion = "program_version", liveVersion = "live_version"
        }
    }


    /// At most this many screens are remembered (a venue has dozens; a hostile client cannot grow it).
    static let maxScreens = 10_000

    private let lock = NSLock()
    private var screens: [String: Screen] = [:]

    /// Records that `name` asked, having the `program` or `live` version given.
    func saw(_ name: String, at now: Date, program: String? = nil, live: String? = nil) {
        lock.withLock {
            guard screens[name] != nil || screens.count < Self.maxScreens else { return }
            var screen = screens[name] ?? Screen(name: name, lastSeen: now)
            screen.lastSeen = now
            if let program { screen.programVersion = program }
            if let live { screen.liveVersion = live }
            screens[name] = screen
        }
    }

    /// Every screen, by name.
    var all: [Screen] { lock.withLock { screens.values.sorted { $0.name < $1.name } } }
}
