import Foundation
import Kiosk

/// One document the hub serves to every screen (the program, the live file): its bytes, its
/// version (the content's hash, so that a restarted hub and a screen agree on what is the same),
/// and the requests waiting for the next one. A screen asks with the version it has; the answer
/// waits until there is another (long-polling), so a change reaches every waiting screen at
/// once and an unchanged state costs nothing.
final class Publication: @unchecked Sendable {
    private typealias Waiter = (continuation: CheckedContinuation<Void, Never>, deadline: ContinuousClock.Instant)
    private let lock = NSLock()
    private var bytes: [UInt8]?
    private var version = ""
    /// Versions published since the hub started (for people: "the 3rd program").
    private(set) var count = 0
    private var waiters: [Int: Waiter] = [:]
    private var nextWaiter = 0
    private var closed = false
    /// Answers held requests whose time is up. One task for all of them: a sleeping task per
    /// request, cancelled when a change answers it, keeps its timer (and its memory) until the
    /// timer's deadline — at 500 screens and 20 changes a second, 250,000 timers and 120 MB.
    private var sweeper: Task<Void, Never>?
    /// How often held requests are looked at for their time being up.
    static let sweepInterval: Duration = .milliseconds(250)

    /// Answers every waiting request now, and every later one at once: the hub is stopping
    /// (a restart must not wait for screens' held requests to run out).
    func close() {
        let waiting = lock.withLock { () -> [Waiter] in
            closed = true
            sweeper?.cancel()
            defer { waiters.removeAll() }
            return Array(waiters.values)
        }
        for waiter in waiting { waiter.continuation.resume() }
    }

    /// The document now and its version; nil before the first valid one.
    var current: (bytes: [UInt8], version: String)? {
        lock.withLock { bytes.map { ($0, version) } }
    }

    /// Puts a new document in force and answers every waiting request.
    func publish(_ newBytes: [UInt8]) {
        let waiting = lock.withLock { () -> [Waiter] in
            bytes = newBytes
            version = ContentHash.of(newBytes)
            count += 1
            defer { waiters.removeAll() }
            return Array(waiters.values)
        }
        for waiter in waiting { waiter.continuation.resume() }
    }

    /// The document once its version differs from `seen` (at once if it already does), or nil
    /// when `timeout` passes first (the screen asks again; to within `sweepInterval`).
    func next(after seen: String?, within timeout: Duration) async -> (bytes: [UInt8], version: String)? {
        if let now = current, now.version != seen { return now }
        let id = lock.withLock { () -> Int in
            nextWaiter += 1
            return nextWaiter
        }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = lock.withLock { () -> Bool in
                    if (bytes != nil && version != seen) || closed || Task.isCancelled { return true }
                    waiters[id] = (continuation, deadline)
                    if sweeper == nil { sweeper = Task.detached { [weak self] in await self?.sweep() } }
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = lock.withLock { waiters.removeValue(forKey: id) }
            waiter?.continuation.resume()
        }
        if let now = current, now.version != seen { return now }
        return nil
    }

    private func sweep() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: Self.sweepInterval)
            let now = ContinuousClock.now
            let expired = lock.withLock { () -> [Waiter] in
                let due = waiters.filter { $0.value.deadline <= now }
                for id in due.keys { waiters.removeValue(forKey: id) }
                return Array(due.values)
            }
            for waiter in expired { waiter.continuation.resume() }
        }
    }
}
