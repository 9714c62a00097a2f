import SkyltFiles
import ArgumentParser
import Foundation
import Kiosk
import ScheduleCore
import SignText

/// `skylt live`: the technician's commands for the day — a room running late, a room full, an
/// alert for every screen. Each reads the live file (validated against the program), changes
/// one thing, validates the result again and writes it atomically (screens that watch it show
/// it within a second), then says what the screens now show.
struct LiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Set what is live on the screens: a delay, a full room, an alert.",
        discussion: """
        ACTION is one of:
          show
              What is in force, in plain words (and any error in the file).
          delay ROOM MINUTES
              ROOM runs MINUTES late from the session on now to the day's end; 0 clears.
          room ROOM open|filling|full|closed [--note TEXT]
              How full ROOM is; --note adds a note for its door, --note "" removes it.
          alert TEXT [--level info|emergency] [--until TIME]
              One message on every screen (emergency: the whole screen).
          clear [ROOM | alert | all]
              Back to normal (everything when nothing is named).
        ROOM is a room's id or its name. Screens read the file with
        `skylt run --live FILE` (or "live" in their settings).
        TIME is YYYY-MM-DDTHH:MM (in the feed's zone) or with Z / ±HH:MM.
        Exit 0 done, 1 the live file (or the result) is invalid, 2 usage.
        """
    )

    @Option(help: "The live file to read and write.")
    var file: String?

    @Option(help: "A settings file (/etc/skylt/skylt.json): its \"live\" and \"feed\" are used where --file and --feed are not given.")
    var config: String?

    @Option(help: "The feed the live file is laid over (default: the embedded program).")
    var feed: String?

    @Option(help: "The instant it is (default: now, from the system clock): when a delay begins.")
    var at: String?

    @Option(help: "With room: a short note for the room's door.")
    var note: String?

    @Option(help: "With alert: info (a banner) or emergency (the whole screen).")
    var level: String = "info"

    @Option(help: "With alert: the alert ends at this time (default: until cleared).")
    var until: String?

    @Argument(help: "ACTION and its arguments (see above).")
    var words: [String] = []

    func run() throws {
        try reportingErrors {
            let settings = try config.map { try ConfigFile.load($0) }
            guard let path = file ?? settings?.live else {
                throw CLIError.usage("live: name the live file with --file LIVE (or --config with a \"live\" setting)")
            }
            if case .url = SourceAddress(path) {
                throw CLIError.usage("live: \(SourceAddress(path)) is a URL; run `skylt live` where the file is served from, with --file")
            }
            let program = try SourceDocument.named(feed ?? settings?.feed).loadProgram()
            let zone = program.event.timeZone
            // Whole seconds: what the file can say exactly.
            let now = try at.map { try InstantArgument.parse($0, zone: zone) }
                ?? Date(timeIntervalSince1970: SystemWallClock().now().timeIntervalSince1970.rounded(.down))
            guard let action = words.first else { throw CLIError.usage("live: give an ACTION: show, delay, room, alert or clear (see skylt live --help)") }
            let arguments = Array(words.dropFirst())
            if action == "show" {
                try expect(arguments, count: 0, usage: "show")
                let report = try LiveFileEditor.read(path, program: program)
                for diagnostic in report?.diagnostics ?? [] { Output.error(diagnostic.formatted(file: path)) }
                if let report, report.state == nil { throw invalid(path, report) }
                show(report?.state ?? .none, program: program, at: now, path: path)
                return
            }
            let current = try? LiveFileEditor.read(path, program: program)?.state
            let edit = try self.edit(action, arguments, program: program, state: current ?? .none, now: now)
            if let problem = edit.problem(at: now) { throw CLIError.usage("live \(action): \(problem)") }
            let outcome: LiveFileEditor.Outcome
            do throws(LiveFileEditor.Failure) {
                outcome = try LiveFileEditor.edit(path, program: program, at: now, edit)
            } catch .invalid(let report) {
                for diagnostic in report.diagnostics { Output.error(diagnostic.formatted(file: path)) }
                throw invalid(path, report)
            } catch .unusable(let reason) {
                throw CLIError.usage("live: \(reason)")
            }
            if outcome.replacedInvalid {
                let how = edit == .clear(.all) ? "clearing everything replaces it" : "the emergency replaces it, and what else it held is gone"
                Output.error("skylt: \(path) was not a valid live file; \(how)")
            } else {
                for diagnostic in outcome.before { Output.error(diagnostic.formatted(file: path)) }
            }
            show(outcome.state, program: program, at: now, path: path, room: edit.room.flatMap { program.room(id: $0) == nil ? nil : $0 })
        }
    }

    /// The edit an ACTION and its arguments ask for (rooms by id or name).
    private func edit(_ action: String, _ arguments: [String], program: Program, state: LiveState, now: Date) throws -> LiveEdit {
        let zone = program.event.timeZone
        switch action {
        case "delay":
            try expect(arguments, count: 2, usage: "delay ROOM MINUTES")
            guard let minutes = Int(arguments[1]) else {
                throw CLIError.usage("live delay: MINUTES must be a whole number of minutes, not \"\(arguments[1])\"")
            }
            return .delay(room: try roomID(arguments[0], in: program, state: state), minutes: minutes)
        case "room":
            try expect(arguments, count: 2, usage: "room ROOM open|filling|full|closed [--note TEXT]")
            let room = try roomID(arguments[0], in: program, state: state)
            guard let roomState = RoomState(rawValue: arguments[1]) else {
                throw CLIError.usage("live room: \"\(arguments[1])\" is not a room state; use open, filling, full or closed")
            }
            return .room(room, state: roomState, note: note.map { .set($0) } ?? .keepUnlessOpened)
        case "alert":
            guard arguments.count == 1 else {
                throw CLIError.usage("live alert: give the message as one argument, in quotes: skylt live --file LIVE alert \"TEXT\"")
            }
            guard let alertLevel = LiveAlert.Level(rawValue: level) else {
                throw CLIError.usage("live alert: --level must be info or emergency, not \"\(level)\"")
            }
            let end = try until.map { try InstantArgument.parse($0, zone: zone, option: "--until") }
            if let end, end <= now { throw CLIError.usage("live alert: --until \(until ?? "") is not after now (\(zone.iso8601(now)))") }
            return .alert(LiveAlert(text: arguments[0], level: alertLevel, until: end))
        case "clear":
            guard arguments.count <= 1 else { throw CLIError.usage("live clear: name one room, alert or all") }
            switch arguments.first {
            case nil, "all": return .clear(.all)
            case "alert": return .clear(.alert)
            case let name?: return .clear(.room(try roomID(name, in: program, state: state, clearing: true)))
            }
        default:
            throw CLIError.usage("live: unknown action \"\(action)\"; use show, delay, room, alert or clear")
        }
    }

    private func invalid(_ path: String, _ report: LiveReport) -> CLIError {
        CLIError.invalidFeed("\(path) is not a valid live file (\(report.errorCount) error\(report.errorCount == 1 ? "" : "s")); "
                             + "fix it, or start again with `skylt live --file \(path) clear all`")
    }

    // MARK: - Arguments

    private func expect(_ arguments: [String], count: Int, usage: String) throws {
        guard arguments.count == count else { throw CLIError.usage("live: usage: skylt live --file LIVE \(usage)") }
    }

    private func roomID(_ name: String, in program: Program, state: LiveState, clearing: Bool = false) throws -> String {
        switch LiveEdit.roomID(name, in: program, state: state, clearing: clearing) {
        case .success(let id): return id
        case .failure(let notFound): throw CLIError.usage("live: \(notFound.message)")
        }
    }

    /// What the screens now show, in plain words (and the edited room's now and next).
    private func show(_ state: LiveState, program: Program, at now: Date, path: String, room: String? = nil) {
        let words = Phrasebook(locale: program.event.locale)
        Output.line("\(path) (at \(words.time(now, in: program.event.timeZone)) \(words.dayAndDate(now, in: program.event.timeZone))):")
        let roomLines = room.map { LiveSummary.roomLines($0, state: state, program: program, at: now) } ?? []
        for line in LiveSummary.lines(state, program: program, at: now) + roomLines { Output.line("  " + line) }
    }
}
