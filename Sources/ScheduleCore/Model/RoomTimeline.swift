import Foundation

/// The sessions of one room, as parallel sorted arrays for binary search.
final class RoomTimeline: Sendable {
    /// Scheduled sessions: start, end, running maximum of ends, index into `Program.sessions`.
    let starts: [TimeInterval]
    let ends: [TimeInterval]
    let maxEnds: [TimeInterval]
    let indices: [Int]
    /// Local day number of each scheduled start, so the board needs no zone look-up per room.
    let startDays: [Int]
    /// All sessions of the room (cancelled too), index into `Program.sessions`, and their starts.
    let all: [Int]
    let allStarts: [TimeInterval]

    init(_ builder: Builder) {
        starts = builder.starts
        ends = builder.ends
        maxEnds = builder.maxEnds
        indices = builder.indices
        startDays = builder.startDays
        all = builder.all
        allStarts = builder.allStarts
    }

    struct Builder {
        var starts: [TimeInterval] = []
        var ends: [TimeInterval] = []
        var maxEnds: [TimeInterval] = []
        var indices: [Int] = []
        var startDays: [Int] = []
        var all: [Int] = []
        var allStarts: [TimeInterval] = []

        mutating func add(_ session: Session, at index: Int, day: Int) {
            let start = session.start.timeIntervalSinceReferenceDate
            all.append(index)
            allStarts.append(start)
            guard session.isScheduled else { return }
            let end = session.end.timeIntervalSinceReferenceDate
            starts.append(start)
            ends.append(end)
            maxEnds.append(max(end, maxEnds.last ?? end))
            indices.append(index)
            startDays.append(day)
        }

        func build() -> RoomTimeline { RoomTimeline(self) }
    }
}
