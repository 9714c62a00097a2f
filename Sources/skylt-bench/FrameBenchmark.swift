import ArgumentParser
import Foundation
import Hyphenation
import DisplayContract
import Kiosk
import ScheduleCore
import SignRaster
import SignLayout

/// `skylt-bench frame`: draws frames in a loop for measuring (best under callgrind, whose
/// instruction counts are stable on a noisy machine). See .ci/bench-render.
struct FrameBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frame",
        abstract: "Draw COUNT frames of one kind, for measuring what a frame costs.",
        discussion: "Kinds: cold (new canvas, every text rasterised), full (whole frame, cached texts), countdown (only the region that changed when the countdown ticks)."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case cold, full, countdown
    }

    @Option(help: "cold, full or countdown.")
    var kind: Kind = .full

    @Option(help: "How many frames to draw after the first.")
    var count = 20

    @Option(help: "Frame width in pixels.")
    var width = 1920

    @Option(help: "Frame height in pixels.")
    var height = 1080

    func validate() throws {
        guard (0...1_000_000).contains(count) else { throw ValidationError("--count must be from 0 to 1000000") }
        guard (16...16_384).contains(width), (16...16_384).contains(height) else { throw ValidationError("--width and --height must be from 16 to 16384") }
    }

    func run() throws {
        guard let url = Assets.defaultFeed(), let program = FeedReader.read(try BenchmarkFeed.bytes(url.path)).program else {
            throw BenchmarkError("the embedded default feed was not found or is invalid")
        }
        let theme = Theme.dark
        let start = try BenchmarkFeed.instant("2020-02-06T15:59:00", zone: program.event.timeZone)
        let library = try SDLLibrary(video: false)
        try withExtendedLifetime(library) {
            let fonts = try FontBook(theme: theme, library: library)
            let layout = SignLayout(theme: theme, measurer: fonts, hyphenator: LibHyphenator())
            func frame(_ second: Int) -> DisplayList {
                layout.layout(Board(program: program, at: start.addingTimeInterval(Double(second % 2 == 0 ? 0 : 1))), mode: .room("main"),
                              width: width, height: height)
            }
            let lists = [frame(0), frame(1)]
            var canvas = try SoftwareCanvas(width: width, height: height, fonts: fonts)
            canvas.draw(lists[0])
            let clock = ContinuousClock()
            let elapsed = try clock.measure {
                for index in 0..<count {
                    let list = lists[(index + 1) % 2]
                    switch kind {
                    case .cold:
                        canvas = try SoftwareCanvas(width: width, height: height, fonts: fonts)
                        canvas.draw(list)
                    case .full:
                        canvas.draw(list)
                    case .countdown:
                        canvas.draw(list, in: list.dirtyRegion(since: lists[index % 2]))
                    }
                }
            }
            let perFrame = elapsed.seconds / Double(max(1, count)) * 1000
            print("\(kind.rawValue): \(count) frames at \(width)x\(height), \(String(format: "%.2f", perFrame)) ms per frame (wall clock; use callgrind for stable counts)")
        }
    }
}
