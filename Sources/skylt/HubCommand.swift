import ArgumentParser
import Foundation

/// `skylt hub …`: runs the hub, `skylt-hub` beside this binary (a binary of its own, so that a
/// screen's carries none of the web server), with the same arguments.
struct HubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub",
        abstract: "Serve the program and the live file to every screen of the venue (skylt hub --help says more).",
        helpNames: []
    )

    @Argument(parsing: .captureForPassthrough, help: "The hub's options (skylt hub --help).")
    var arguments: [String] = []

    func run() throws {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("skylt-hub").path
        guard FileManager.default.isExecutableFile(atPath: beside) else {
            throw CLIError.usage("hub: \(beside) is not there; build it (swift build --product skylt-hub) or install it beside skylt").exit()
        }
        let argv = [beside] + arguments
        var pointers = argv.map { strdup($0) } + [nil]
        execv(beside, &pointers)
        throw CLIError.usage("hub: cannot run \(beside): \(String(cString: strerror(errno)))").exit()
    }
}
