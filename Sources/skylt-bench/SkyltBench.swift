import ArgumentParser

/// `skylt-bench`: what the core and a frame cost. Build it with `-c release`.
struct SkyltBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skylt-bench",
        abstract: "Measure Skylt: feed parsing and board queries (core), drawing (frame), hyphenation.",
        subcommands: [CoreBenchmark.self, FrameBenchmark.self, HyphenationBenchmark.self, LobbyBenchmark.self, WorstTextBenchmark.self],
        defaultSubcommand: CoreBenchmark.self
    )
}
