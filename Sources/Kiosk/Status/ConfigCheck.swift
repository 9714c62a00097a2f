import Foundation
import ScheduleCore

/// What `skylt check-config` checks of a valid settings file: everything it names — the feed
/// (read and validated, a URL fetched once), the rooms in it, the live file against it, the
/// theme, the remote view's address and token file — and that the files the kiosk writes are
/// neither the feed nor each other.
public struct ConfigCheck {
    /// Findings of the files it names, as `skylt validate` prints them, and warnings.
    public var lines: [String] = []
    /// What is wrong, one line each (the settings are refused when there is any).
    public var problems: [String] = []

    /// Checks `config`.
    /// - Parameters:
    ///   - settingsName: how the settings file is named in warnings.
    ///   - addressProblem: why an address cannot be listened on (the remote view's own rule).
    ///   - tokenReadable: whether a token can be read from a file (the remote view's own rule).
    public init(_ config: KioskConfig, settingsName: String, addressProblem: (String) -> String?, tokenReadable: (String) -> Bool) {
        checkFeed(config, settingsName: settingsName)
        do {
            _ = try ThemeFile.load(config.theme)
        } catch {
            problems.append("theme: \(error.description)")
        }
        if let http = config.http {
            if let problem = addressProblem(http.address) { problems.append("http.address: \(problem)") }
            if let tokenFile = http.tokenFile, !tokenReadable(tokenFile) { problems.append("http.token_file: cannot read a token from \(tokenFile)") }
        }
        let state = config.stateDir ?? "/var/lib/skylt"
        let saved = SourceCache(directory: state)
        problems += PathClash.problems(feed: config.feed.map(SourceAddress.init), feedName: "feed", savedFeed: saved.path,
                                       statusFile: config.statusFile ?? state + "/status.json", statusName: "status_file",
                                       live: config.live.map(SourceAddress.init), liveName: "live", savedLive: saved.sibling(LiveStore.cacheFileName).path)
    }

    private mutating func checkFeed(_ config: KioskConfig, settingsName: String) {
        do throws(SourceDocument.Failure) {
            let feed = try SourceDocument.resolve(config.feed)
            let report = SourceDocument.feedReport(try feed.read())
            lines += report.diagnostics.map { $0.formatted(file: feed.displayName) }
            guard let program = report.program else {
                problems.append("feed: \(feed.displayName) is not a valid feed (\(report.errorCount) error\(report.errorCount == 1 ? "" : "s"), above)")
                return
            }
            for (key, room) in (config.room.map { [("room", $0)] } ?? []) + (config.rooms ?? []).map({ ("rooms", $0) }) where program.room(id: room) == nil {
                problems.append("\(key): the feed has no room \"\(room)\" (its rooms: \(program.rooms.quotedIDs))")
            }
            if let live = config.live { checkLive(live, program: program, settingsName: settingsName) }
        } catch {
            problems.append("feed: \(error)")
        }
    }

    /// The live file against the program; one that does not exist yet is fine (the screens
    /// show the program as it is until the technician writes one).
    private mutating func checkLive(_ live: String, program: Program, settingsName: String) {
        if case .file(let path) = SourceAddress(live), !FileManager.default.fileExists(atPath: path) {
            lines.append("\(settingsName): warning: live: \(path) does not exist yet; screens show the program as it is until `skylt live` writes it")
            return
        }
        do throws(SourceDocument.Failure) {
            let document = SourceDocument(live)
            let report = try document.liveReport(program: program)
            lines += report.diagnostics.map { $0.formatted(file: document.displayName) }
            if !report.isValid {
                problems.append("live: \(document.displayName) is not a valid live file (\(report.errorCount) error\(report.errorCount == 1 ? "" : "s"), above)")
            }
        } catch {
            problems.append("live: \(error)")
        }
    }
}
