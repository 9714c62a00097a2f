import Foundation
import Kiosk
import Logging
import ScheduleCore

/// The program or the live file in the hub's state folder, as the hub serves it: every version
/// of the file is judged by the same readers and bounds as on the screens, and only a valid one
/// is published (a broken edit never reaches a screen: the last good one stays, and the hub's
/// log and `/v1/status` say why). Fed by the kiosk's own file watcher.
final class HubDocument: SourceConsumer, @unchecked Sendable {
    let kind: SourceKind
    let publication = Publication()
    private let lock = NSLock()
    private var program: Program?
    private var lastError: String?
    private var lastHash: String?
    private let logger: Logger
    /// The program the live file is judged against (its rooms; an alert needs none).
    private let programNow: @Sendable () -> Program?

    init(kind: SourceKind, logger: Logger, program: @escaping @Sendable () -> Program? = { nil }) {
        self.kind = kind
        self.logger = logger
        programNow = program
    }

    /// The valid program in force (for the program's document).
    var currentProgram: Program? { lock.withLock { program } }

    /// Why the newest edit was refused, if it was (as `skylt validate` prints it).
    var refusal: String? { lock.withLock { lastError } }

    var hasContent: Bool { publication.current != nil }

    @discardableResult
    func offer(_ bytes: [UInt8], at now: Date, origin name: String) -> SourceOutcome {
        let hash = ContentHash.of(bytes)
        if lock.withLock({ lastHash }) == hash { return .unchanged }
        let errors: [String]
        switch kind {
        case .feed:
            let report = SourceDocument.feedReport(bytes)
            errors = report.errors.map { $0.formatted(file: name) }
            if let valid = report.program { lock.withLock { program = valid } }
        case .live:
            let report = LiveReader.read(bytes, program: programNow(), fallbackZone: SourceDocument.fallbackZone)
            errors = report.errors.map { $0.formatted(file: name) }
        }
        lock.withLock {
            lastHash = hash
            lastError = errors.first
        }
        guard errors.isEmpty else {
            logger.warning("refused an invalid \(kind == .feed ? "program" : "live file"); screens keep the last good one",
                           metadata: ["first": "\(errors[0])"])
            return .rejected
        }
        publication.publish(bytes)
        logger.notice("published \(kind == .feed ? "the program" : "the live file")", metadata: ["version": "\(publication.current?.version ?? "")", "count": "\(publication.count)"])
        return .accepted
    }

    func sourceFailed(_ reason: String, at now: Date) {
        lock.withLock { lastError = reason }
    }

    func sourceUnchanged(at now: Date) {}
    func setStaleAfter(_ count: Int) {}
    @discardableResult func loadCache() -> Bool { false }
}
