import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a reader (or a power cut) sees either the old content or the new,
/// never half: a temporary file in the same folder (a random name, created exclusively, so a
/// symlink planted there is never followed), fsync, rename, fsync of the folder. Only a regular
/// file (or a symlink) is ever replaced: a device, a folder, a pipe or a socket at the path is
/// refused. A symlink is replaced itself (what it pointed at left alone: the kiosk's own files,
/// where a planted link must not lead a write elsewhere), or, with `followingSymlinks`, written
/// through to its target (the technician's files: a fleet served from the link's target).
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes `bytes` to `path`.
    /// - Parameters:
    ///   - mode: the new file's permissions.
    ///   - durable: fsync the file and its folder, so the new content survives a power cut
    ///     (off for short-lived files such as the headless kiosk's frames).
    ///   - followingSymlinks: write a symlink's target (atomically, in the target's folder)
    ///     instead of replacing the link.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644, durable: Bool = true,
                             followingSymlinks: Bool = false) throws {
        let path = followingSymlinks ? target(of: path) : path
        if let kind = nonRegularKind(path) {
            throw WriteError(description: "cannot write \(path): it is \(kind), not a file; Skylt only replaces regular files")
        }
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let temporary = folder + "/.\((path as NSString).lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw WriteError(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        var written = 0
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress!.advanced(by: written), buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                written += result
            }
        }
        if failure == nil, durable, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw WriteError(description: "cannot write \(path): \(failure)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(description: "cannot rename into \(path): \(reason)")
        }
        guard durable else { return }
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    /// Where `path` leads: itself, or the final target of a chain of symlinks (which need not
    /// exist yet). A chain of more than 40 links is left as it is.
    public static func target(of path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
                  let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = destination.hasPrefix("/") ? destination
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        return current
    }

    /// What is at `path` when it exists and is neither a regular file nor a symlink ("a
    /// character device"); nil otherwise.
    public static func nonRegularKind(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFLNK: return nil
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a pipe"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }
}
