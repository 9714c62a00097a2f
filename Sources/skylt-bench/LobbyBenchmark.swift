import ArgumentParser
import Foundation
import Hyphenation
import ScheduleCore
import SignRaster
import SignLayout

/// `skylt-bench lobby`: how long a lobby screen takes to show every room of a feed at an
/// instant, laid out with the real fonts at each size: rooms, pages, rows a page, the cycle.
struct LobbyBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lobby",
        abstract: "Count the lobby's pages and rows for a feed at an instant, at several screen sizes.",
        discussion: "swift run -c release skylt-bench lobby --feed ../shared/feeds/real/36c3-everything.schedule.json --at 2019-12-28T14:10+01:00. Target: every room with something on now or next within 60 s at 1920x1080."
    )

    @Option(help: "The feed (any format).")
    var feed: String

    @Option(help: "The instant, as the feed's date-times (2019-12-28T14:10+01:00).")
    var at: String

    @Option(help: "Screen sizes, WIDTHxHEIGHT, comma-separated.")
    var sizes = "1920x1080,1080x1920,1280x720"

    func run() throws {
        guard let program = FeedReader.read(try BenchmarkFeed.bytes(feed), fallbackZone: TimeZone.current).program else {
            throw BenchmarkError("\(feed) is not a valid feed")
        }
        let start = try BenchmarkFeed.instant(at, zone: program.event.timeZone)
        print("\((feed as NSString).lastPathComponent) at \(at): \(program.rooms.count) rooms in the feed")
        let library = try SDLLibrary(video: false)
        try withExtendedLifetime(library) {
            let fonts = try FontBook(theme: .dark, library: library)
            let layout = SignLayout(theme: .dark, measurer: fonts, hyphenator: LibHyphenator())
            for size in sizes.split(separator: ",") {
                let parts = size.split(separator: "x").compactMap { Int($0) }
                guard parts.count == 2, (16...16_384).contains(parts[0]), (16...16_384).contains(parts[1]) else {
                    throw ValidationError("--sizes: \(size) is not WIDTHxHEIGHT")
                }
                var pages = 1
                var rows: [Int] = []
                for page in 0..<200 {
                    let instant = start.addingTimeInterval(Double(page) * SignLayout.lobbyPagePeriod)
                    let list = layout.layout(Board(program: program, at: instant), mode: .lobby, width: parts[0], height: parts[1])
                    // A room's row is a panel-coloured box nearly the screen's width (the header's rule is one too, but thin).
                    rows.append(list.items.filter {
                        if case .box(let rect, let color) = $0 { color == Theme.dark.colors.panel && rect.width >= parts[0] * 9 / 10 && rect.height >= 16 } else { false }
                    }.count)
                    if let indicator = list.texts.last(where: { $0.text.range(of: #"^(Page|Sida) \d+ (of|av) \d+$"#, options: .regularExpression) != nil }) {
                        pages = Int(indicator.text.split(separator: " ").last ?? "1") ?? 1
                    }
                    if page + 1 >= pages { break }
                }
                print("\(parts[0])x\(parts[1]): \(rows.reduce(0, +)) rooms in \(pages) page\(pages == 1 ? "" : "s") (rows a page: "
                      + rows.map(String.init).joined(separator: ", ") + "), every room shown within \(Int(Double(pages) * SignLayout.lobbyPagePeriod)) s")
            }
        }
    }
}
