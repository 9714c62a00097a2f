import ArgumentParser

/// `skylt-bench`: what the core and a frame cost. Build it with `-c release`.
struct SkyltBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skylt-bench",
        abstract: "Measure Skylt: feed parsing and board queries (core), drawing (frame).",
        subcommands: [CoreBenchmark.self, FrameBenchmark.self],
        defaultSubcommand: CoreBenchmark.self
    )
}
