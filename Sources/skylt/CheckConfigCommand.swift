import ArgumentParser
import Foundation
import Kiosk
import RemoteView
import ScheduleCore

/// `skylt check-config FILE`: the settings file, and everything it names — the feed (read and
/// validated, a URL fetched once), the room in it, the theme, the token file, the remote view's
/// address, and that the files the kiosk writes are neither the feed nor each other.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Check a settings file (/etc/skylt/skylt.json) and the feed, theme and files it names.",
        discussion: "Prints FILE:LINE:COL: error|warning: PATH: MESSAGE lines. Exit 0 valid, 1 invalid, 2 unreadable."
    )

    @Argument(help: "The settings file.")
    var file: String

    func run() throws {
        try reportingErrors {
            let reader = FeedFile(displayName: file, url: URL(fileURLWithPath: file))
            let (config, diagnostics) = KioskConfig.read(try reader.read())
            for diagnostic in diagnostics { Output.line(diagnostic.formatted(file: file)) }
            guard let config else {
                let count = diagnostics.filter { $0.severity == .error }.count
                Output.line("\(file): invalid: \(count) error\(count == 1 ? "" : "s")")
                throw ExitCode(1)
            }
            let problems = checkNamed(config)
            for problem in problems { Output.line("\(file): error: \(problem)") }
            guard problems.isEmpty else {
                Output.line("\(file): invalid: \(problems.count) error\(problems.count == 1 ? "" : "s") in what it names")
                throw ExitCode(1)
            }
            var summary = "\(file): valid: feed \(config.feed.map { SourceAddress($0).description } ?? "(the embedded default)")"
            summary += config.rooms.map { ", lobby of \($0.joined(separator: ", "))" } ?? (config.lobby ? ", lobby" : config.room.map { ", room \($0)" } ?? "")
            if let on = config.screenOn, let off = config.screenOff {
                summary += ", screen on \(on / 60):\(String(format: "%02d", on % 60))–\(off / 60):\(String(format: "%02d", off % 60))"
            }
            Output.line(summary)
        }
    }

    /// What is wrong with the things the settings name, one line each.
    private func checkNamed(_ config: KioskConfig) -> [String] {
        var problems: [String] = []
        do {
            let feed = try FeedFile.resolve(config.feed)
            let report = FeedFile.report(try feed.read())
            for diagnostic in report.diagnostics { Output.line(diagnostic.formatted(file: feed.displayName)) }
            if let program = report.program {
                if let room = config.room, program.room(id: room) == nil {
                    problems.append("room: the feed has no room \"\(room)\" (its rooms: \(program.rooms.quotedIDs))")
                }
                for room in config.rooms ?? [] where program.room(id: room) == nil {
                    problems.append("rooms: the feed has no room \"\(room)\" (its rooms: \(program.rooms.quotedIDs))")
                }
                if let live = config.live { problems += checkLive(live, program: program) }
            } else {
                problems.append("feed: \(feed.displayName) is not a valid feed (\(report.errorCount) error\(report.errorCount == 1 ? "" : "s"), above)")
            }
        } catch {
            problems.append("feed: \(error)")
        }
        do {
            _ = try ThemeFile.load(config.theme)
        } catch {
            problems.append("theme: \(error.description)")
        }
        if let http = config.http {
            if let problem = RemoteServer.problem(withAddress: http.address) { problems.append("http.address: \(problem)") }
            if let tokenFile = http.tokenFile, TokenFile.read(tokenFile) == nil {
                problems.append("http.token_file: cannot read a token from \(tokenFile)")
            }
        }
        let state = config.stateDir ?? "/var/lib/skylt"
        let status = config.statusFile ?? state + "/status.json"
        let saved = SourceCache(directory: state)
        return problems + PathClash.problems(feed: config.feed.map(SourceAddress.init), feedName: "feed", savedFeed: saved.path,
                                             statusFile: status, statusName: "status_file", live: config.live.map(SourceAddress.init),
                                             liveName: "live", savedLive: saved.sibling(LiveStore.cacheFileName).path)
    }

    /// The live file validated against the program; one that does not exist yet is fine (the
    /// screens show the program as it is until the technician writes one).
    private func checkLive(_ live: String, program: Program) -> [String] {
        if case .file(let path) = SourceAddress(live), !FileManager.default.fileExists(atPath: path) {
            Output.line("\(file): warning: live: \(path) does not exist yet; screens show the program as it is until `skylt live` writes it")
            return []
        }
        do {
            let (name, report) = try LiveFile.read(live, program: program)
            for diagnostic in report.diagnostics { Output.line(diagnostic.formatted(file: name)) }
            return report.isValid ? [] : ["live: \(name) is not a valid live file (\(report.errorCount) error\(report.errorCount == 1 ? "" : "s"), above)"]
        } catch {
            return ["live: \(error)"]
        }
    }
}
