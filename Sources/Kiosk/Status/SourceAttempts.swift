import Foundation

/// How a watched or polled source has been answering: the bookkeeping the feed's status and the
/// live file's status share, and the two ways it changes.
public protocol SourceAttempts {
    var lastAttempt: Date? { get set }
    var lastSuccess: Date? { get set }
    var failuresInARow: Int { get set }
    var lastError: String? { get set }
}

extension SourceAttempts {
    /// The source answered (`success`: with what is in force, or a 304; otherwise with what was
    /// refused before): it is reachable, whatever it said.
    mutating func recordAnswer(at now: Date, success: Bool) {
        lastAttempt = now
        failuresInARow = 0
        lastError = nil
        if success { lastSuccess = now }
    }

    /// The source could not be reached or read.
    mutating func recordFailure(_ reason: String, at now: Date) {
        lastAttempt = now
        failuresInARow += 1
        lastError = reason
    }
}
