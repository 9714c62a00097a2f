import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock for editing a file that several people (two technicians, the hub) may
/// change at once: read, change, write, all under one lock, so no edit is lost and nobody is
/// told "done" for an edit the file does not hold. The lock is `flock` on a lock file beside the
/// file's real target (`.NAME.lock`): the file itself is replaced by every atomic write, so a
/// lock on it would be on the old copy. Advisory: every writer of Skylt's takes it.
public enum FileLock {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs `body` holding the lock for `path` (a symlink's target), waiting up to `timeout`.
    public static func withLock<T>(_ path: String, timeout: Duration = .seconds(10), _ body: () throws -> T) throws -> T {
        let target = AtomicFile.target(of: path)
        let folder = (target as NSString).deletingLastPathComponent.isEmpty ? "." : (target as NSString).deletingLastPathComponent
        let lockPath = folder + "/.\((target as NSString).lastPathComponent).lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot lock \(path): \(lockPath): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }  // Closing releases the lock.
        let attempts = max(1, Int(timeout / .milliseconds(10)))
        var locked = false
        for attempt in 0..<attempts {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                locked = true
                break
            }
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw Failure(description: "cannot lock \(path): \(String(cString: strerror(errno)))")
            }
            if attempt + 1 < attempts { usleep(10_000) }
        }
        guard locked else {
            throw Failure(description: "\(path) is being changed by someone else (still locked after \(timeout)); nothing was changed, try again")
        }
        return try body()
    }
}
