import ArgumentParser

/// The `skylt` command: conference signage.
struct Skylt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skylt",
        abstract: "Conference signage: what is on now and next, in every room.",
        discussion: "Without --feed, commands use the embedded default program (Spridningskonferens 2020).",
        subcommands: [ValidateCommand.self, NowCommand.self, ConvertCommand.self, CheckConfigCommand.self, RenderCommand.self, RunCommand.self,
                      LiveCommand.self, HubCommand.self]
    )
}
