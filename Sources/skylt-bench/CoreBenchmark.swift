import ArgumentParser
import Foundation
import DisplayContract
import Kiosk
import ScheduleCore
import SkyltTestSupport

/// `skylt-bench core`: the core's speed on a large generated feed (build with `-c release`).
struct CoreBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "core",
        abstract: "Measure parse+validate and board-query time on a generated feed.",
        discussion: "Run a release build: swift run -c release skylt-bench core. Targets: parse+validate ≤ 1 s for 100,000 sessions; a board query ≤ 20 µs."
    )

    @Option(help: "Sessions in the generated feed.")
    var sessions = 100_000

    func validate() throws {
        guard (1...FeedLimits.maxSessions).contains(sessions), (1...FeedLimits.maxRooms).contains(rooms), (1...1_000).contains(runs),
              (1...100_000_000).contains(queries) else {
            throw ValidationError("--sessions (1–100000), --rooms (1–1000), --runs (1–1000) and --queries (1–100000000) are out of range")
        }
    }

    @Option(help: "Rooms in the generated feed.")
    var rooms = 20

    @Option(help: "Parse+validate repetitions (the median is reported).")
    var runs = 5

    @Option(help: "Board queries to time.")
    var queries = 200_000

    @Option(help: "Also time this feed file (e.g. the largest real export); repeat for several. A schedule naming no zone is read in this machine's.")
    var feed: [String] = []

    func run() throws {
        let synthetic = SyntheticFeed(sessions: sessions, rooms: rooms)
        let bytes = synthetic.bytes()
        print("generated feed: \(sessions) sessions, \(rooms) rooms, \(String(format: "%.1f", Double(bytes.count) / 1_048_576)) MiB")
        guard let program = try timeParse(bytes, label: "parse+validate (generated; target ≤ 1000 ms for 100k sessions)") else {
            throw BenchmarkError("the generated feed did not validate")
        }
        for feed in feed {
            let bytes = try BenchmarkFeed.bytes(feed)
            guard try timeParse(bytes, label: "parse+validate (\((feed as NSString).lastPathComponent); target ≤ 50 ms for the largest real export)") != nil else {
                throw BenchmarkError("\(feed) did not validate")
            }
        }
        timeBoard(program)
    }

    private func timeParse(_ bytes: [UInt8], label: String) throws -> Program? {
        var durations: [Duration] = []
        var program: Program?
        let clock = ContinuousClock()
        for _ in 0..<max(1, runs) {
            var report: FeedReport?
            durations.append(clock.measure { report = FeedReader.read(bytes, fallbackZone: TimeZone.current) })
            program = report?.program
        }
        durations.sort()
        print("\(label): median \(milliseconds(durations[durations.count / 2])) ms, min \(milliseconds(durations[0])) ms over \(durations.count) runs")
        return program
    }

    private func timeBoard(_ program: Program) {
        guard let first = program.firstStart, let last = program.lastEnd else { return }
        // Instants spread over the whole program, plus some before and after it.
        let span = last.timeIntervalSince(first) + 7200
        let count = max(1, queries)
        var instants: [Date] = []
        instants.reserveCapacity(count)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            instants.append(first.addingTimeInterval(-3600 + Double(state >> 11) / Double(1 << 53) * span))
        }
        var checksum = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for instant in instants {
                let board = Board(program: program, at: instant)
                checksum &+= board.rooms.count + (board.rooms[0].current?.remainingSeconds ?? 0)
            }
        }
        let perQuery = elapsed.seconds * 1e6 / Double(count)
        print("board query (all \(program.rooms.count) rooms): \(String(format: "%.2f", perQuery)) µs mean over \(count) random instants (target ≤ 20 µs) [checksum \(checksum)]")
    }

    private func milliseconds(_ duration: Duration) -> String {
        let value = duration.seconds * 1000
        return String(format: "%.1f", value)
    }
}
