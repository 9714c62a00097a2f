import Foundation
import Kiosk
import ScheduleCore

/// Reading the feeds and instants a benchmark is given.
enum BenchmarkFeed {
    /// A feed file's bytes, read as the kiosk reads it.
    static func bytes(_ path: String) throws -> [UInt8] {
        switch SourceFileReader.read(path) {
        case .success(let bytes): return bytes
        case .failure(let failure): throw BenchmarkError(failure.description)
        }
    }

    /// A wall-clock time in `zone`.
    static func instant(_ text: String, zone: TimeZone) throws -> Date {
        var resolver = WallClockResolver(zone: zone)
        switch DateTimeText.parse(text).flatMap({ resolver.instant(of: $0) }) {
        case .success(let date): return date
        case .failure(let problem): throw BenchmarkError(problem.message)
        }
    }
}
