import Foundation

/// What the kiosk knows about the technician's live source, under `live` in the status file.
public struct LiveStatus: SourceAttempts, Sendable, Equatable, Codable {
    public var source: String
    public var lastAttempt: Date?
    public var lastSuccess: Date?
    public var lastChange: Date?
    public var failuresInARow = 0
    public var lastError: String?
    /// FNV-1a of the live file in force.
    public var hash: String?
    /// Where the live state in force came from: the source, the saved copy, or none yet.
    public var origin: KioskStatus.Origin = .none
    /// The errors of the latest rejected live edit (as `skylt live show` prints them), until a valid one arrives.
    public var rejectedErrors: [String] = []
    public var rejectedAt: Date?
    /// Warnings about the live file in force, as `skylt validate --live` prints them: above all
    /// entries of rooms the program does not have (they do nothing; everything else is in force).
    public var warnings: [String] = []
    /// What is in force, in plain words (`skylt live show`'s lines).
    public var inForce: [String] = []
    public var staleAfter = 2

    public init(source: String) {
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case source, lastAttempt = "last_attempt", lastSuccess = "last_success", lastChange = "last_change"
        case failuresInARow = "failures_in_a_row", lastError = "last_error", hash, origin, rejectedErrors = "rejected_errors"
        case rejectedAt = "rejected_at", warnings, inForce = "in_force", staleAfter = "stale_after"
    }
}
