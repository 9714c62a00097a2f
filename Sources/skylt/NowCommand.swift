import ArgumentParser
import Foundation
import Kiosk
import ScheduleCore
import SignText

/// `skylt now`: the board at an instant, for people or (with --json) for other tools.
struct NowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "now",
        abstract: "Show what is on now and next in every room.",
        discussion: "TIME is YYYY-MM-DDTHH:MM[:SS] (wall-clock in the feed's time zone) or with Z / ±HH:MM."
    )

    @Option(help: "The feed file (default: the embedded program).")
    var feed: String?

    @Option(help: "The instant to show (default: now, from the system clock).")
    var at: String?

    @Option(help: "The technician's live file (delays, full rooms, alerts), a file or an http(s) URL, laid over the feed.")
    var live: String?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        try reportingErrors {
            let program = try SourceDocument.applying(live: live, to: try SourceDocument.named(feed).loadProgram())
            let instant = try at.map { try InstantArgument.parse($0, zone: program.event.timeZone) } ?? SystemWallClock().now()
            let board = Board(program: program, at: instant)
            if json {
                Output.line(try BoardJSON.encode(board))
            } else {
                Output.line(BoardText.render(board))
            }
        }
    }
}
