import ArgumentParser
import Foundation
import Hyphenation

/// `skylt-bench hyphenation`: what each of Debian's dictionaries costs to load (time and memory)
/// and to ask (words a second, none of them remembered yet).
struct HyphenationBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hyphenation",
        abstract: "Measure loading libhyphen's dictionaries and hyphenating words.",
        discussion: "Run a release build: swift run -c release skylt-bench hyphenation."
    )

    @Option(help: "Languages to measure, comma-separated.")
    var languages = "sv,en,de"

    @Option(help: "Distinct words to hyphenate per language.")
    var words = 20_000

    func run() throws {
        guard (1...1_000_000).contains(words) else { throw ValidationError("--words must be 1–1000000") }
        let stems = ["samhälls", "försäkrings", "digitaliserings", "infrastructure", "information", "gesellschafts", "verwaltungs", "konferens"]
        let endings = ["arbete", "bolaget", "processen", "resistance", "technology", "kapitän", "abschätzung", "salen"]
        let clock = ContinuousClock()
        for language in languages.split(separator: ",").map(String.init) {
            let hyphenator = LibHyphenator()
            let before = Self.residentKiB()
            let load = clock.measure { _ = hyphenator.hasDictionary(for: language) }
            guard hyphenator.hasDictionary(for: language) else {
                print("\(language): no dictionary in \(LibHyphenator.debianFolder)")
                continue
            }
            let loaded = Self.residentKiB()
            // Distinct words (a number between stem and ending), so none is answered from memory.
            let list = (0..<words).map { stems[$0 % stems.count] + String(repeating: "a", count: $0 / 64 % 4) + endings[($0 / 8) % endings.count] + "\($0)" }
            var points = 0
            let ask = clock.measure { for word in list { points += hyphenator.hyphenationPoints(of: word, language: language).count } }
            let perWord = Double(ask.components.attoseconds) / 1e12 / Double(words) + Double(ask.components.seconds) * 1e6 / Double(words)
            print("\(language): dictionary loaded in \(Self.milliseconds(load)) ms, +\((loaded - before) / 1024) MiB resident; "
                  + "\(String(format: "%.1f", perWord)) µs a word over \(words) distinct words (\(points) points)")
        }
    }

    static func milliseconds(_ duration: Duration) -> String {
        String(format: "%.1f", Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15)
    }

    /// VmRSS of this process, in KiB.
    static func residentKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
}
