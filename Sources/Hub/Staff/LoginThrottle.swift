import Foundation

/// Slows guessing: after `maxFailures` wrong passwords for one name or from one address within
/// `window`, that name or address is refused until the window has passed since its last
/// failure. In memory (a restart forgets, which costs a guesser a restart per five tries).
final class LoginThrottle: @unchecked Sendable {
    static let maxFailures = 5
    static let window: TimeInterval = 60
    /// Keys remembered at most (a flood of names cannot grow it without bound).
    static let maxKeys = 10_000

    private let lock = NSLock()
    private var failures: [String: (count: Int, last: Date)] = [:]

    /// Whether a login for `name` from `address` may be tried now.
    func allows(name: String, address: String, now: Date) -> Bool {
        lock.withLock {
            for key in ["n:" + name, "a:" + address] {
                if let entry = failures[key], entry.count >= Self.maxFailures, now.timeIntervalSince(entry.last) < Self.window { return false }
            }
            return true
        }
    }

    /// Counts a wrong password.
    func failed(name: String, address: String, now: Date) {
        lock.withLock {
            if failures.count >= Self.maxKeys { failures = failures.filter { now.timeIntervalSince($0.value.last) < Self.window } }
            for key in ["n:" + name, "a:" + address] {
                let entry = failures[key].flatMap { now.timeIntervalSince($0.last) < Self.window ? $0 : nil } ?? (count: 0, last: now)
                failures[key] = (entry.count + 1, now)
            }
        }
    }

    /// A right password clears the name's count.
    func succeeded(name: String) {
        lock.withLock { _ = failures.removeValue(forKey: "n:" + name) }
    }
}
