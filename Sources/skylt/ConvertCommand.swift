import SkyltFiles
import ArgumentParser
import Foundation
import Kiosk
import ScheduleCore

/// `skylt convert FEED --to skylt`: an export (frab/pretalx JSON, iCalendar) as a Skylt feed.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Write a feed (frab/pretalx schedule.json, iCalendar, or Skylt's own) as a Skylt v1 feed, to edit by hand.",
        discussion: "Writes to stdout, or to --out FILE (atomically). Warnings about the input go to stderr."
    )

    enum Target: String, ExpressibleByArgument {
        case skylt
    }

    @Argument(help: "The feed to convert.")
    var feed: String

    @Option(help: "The format to write (skylt).")
    var to: Target = .skylt

    @Option(help: "Write here instead of to stdout.")
    var out: String?

    func run() throws {
        try reportingErrors {
            let file = try SourceDocument.named(feed)
            let program = try file.loadProgram()
            let bytes = NativeFeedWriter.write(program)
            let refused = FeedReader.read(bytes).errors
            if !refused.isEmpty {
                Output.error("skylt: note: the Skylt format refuses \(refused.count) thing\(refused.count == 1 ? "" : "s") this export allows (such as two sessions at once in one room); fix them before use — `skylt validate` on the output lists them")
            }
            if let out {
                if let clash = PathClash.find([("the feed", file.url.path), ("--out", out)]), !file.isURL {
                    throw CLIError.usage(clash + " (converting in place would lose the original)")
                }
                do {
                    try AtomicFile.write(bytes, to: out, followingSymlinks: true)
                } catch {
                    throw CLIError.usage("\(error)")
                }
            } else {
                FileHandle.standardOutput.write(Data(bytes))
            }
        }
    }
}
