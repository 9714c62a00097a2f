import Foundation

/// What a wall-clock reading means in a time zone.
public enum WallClockResolution: Sendable, Equatable {
    /// The reading happens exactly once.
    case unique(Date)
    /// The reading does not exist: clocks jump over it (spring forward). `from`/`to` are the
    /// wall-clock times of the jump.
    case gap(from: LocalDateTime, to: LocalDateTime)
    /// The reading happens twice (autumn fall-back); `earlier` and `later` with their offsets.
    case ambiguous(earlier: Date, earlierOffset: Int, later: Date, laterOffset: Int)
}
