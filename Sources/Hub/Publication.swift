import Foundation
import Kiosk

/// One document the hub serves to every screen (the program, the live file): its bytes, its
/// version (the content's hash, so that a restarted hub and a screen agree on what is the same),
/// and the requests waiting for the next one. A screen asks with the version it has; the answer
/// waits until there is another (long-polling), so a change reaches every waiting screen at
/// once and an unchanged state costs nothing.
final class Publication: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8]?
    private var version = ""
    /// Versions published since the hub started (for people: "the 3rd program").
    private(set) var count = 0
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0
    private var closed = false

    /// Answers every waiting request now, and every later one at once: the hub is stopping
    /// (a restart must not wait for screens' held requests to run out).
    func close() {
        let waiting = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
            closed = true
            defer { waiters.removeAll() }
            return Array(waiters.values)
        }
        for waiter in waiting { waiter.resume() }
    }

    /// The document now and its version; nil before the first valid one.
    var current: (bytes: [UInt8], version: String)? {
        lock.withLock { bytes.map { ($0, version) } }
    }

    /// Puts a new document in force and answers every waiting request.
    func publish(_ newBytes: [UInt8]) {
        let waiting = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
            bytes = newBytes
            version = ContentHash.of(newBytes)
            count += 1
            defer { waiters.removeAll() }
            return Array(waiters.values)
        }
        for waiter in waiting { waiter.resume() }
    }

    /// The document once its version differs from `seen` (at once if it already does), or nil
    /// when `timeout` passes first (the screen asks again).
    func next(after seen: String?, within timeout: Duration) async -> (bytes: [UInt8], version: String)? {
        if let now = current, now.version != seen { return now }
        let id = lock.withLock { () -> Int in
            nextWaiter += 1
            return nextWaiter
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.wait(id, seen: seen) }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
        if let now = current, now.version != seen { return now }
        return nil
    }

    private func wait(_ id: Int, seen: String?) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = lock.withLock { () -> Bool in
                    if (bytes != nil && version != seen) || closed || Task.isCancelled { return true }
                    waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = lock.withLock { waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }
}
