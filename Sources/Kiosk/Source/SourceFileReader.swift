import Foundation
import ScheduleCore
#if canImport(Glibc)
import Glibc
#endif

/// Reads a feed file for the kiosk, refusing what cannot be a feed before loading it all.
public enum SourceFileReader {
    /// Why a file could not be read, in words for the status file and logs.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case missing(String)
        /// Something else at the path: a folder, a pipe, a device, a socket.
        case notAFile(String, kind: String)
        case unreadable(String, reason: String)
        /// Past the cap of what it was read as.
        case tooLarge(String, bytes: Int, kind: SourceKind)

        public var description: String {
            switch self {
            case .missing(let path): "\(path): no such file"
            case .notAFile(let path, let kind): "\(path): not a regular file (\(kind))"
            case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
            case .tooLarge(let path, let bytes, let kind): "\(path): \(kind.tooLarge(bytes))"
            }
        }
    }

    /// The file's bytes, at most `kind.maxBytes` (a feed's cap unless told).
    public static func read(_ path: String, kind: SourceKind = .feed) -> Result<[UInt8], Failure> {
        let maxBytes = kind.maxBytes
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            return .failure(errno == ENOENT ? .missing(path) : .unreadable(path, reason: String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(path, reason: String(cString: strerror(errno)))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notAFile(path, kind: Self.kind(info.st_mode))) }
        guard Int(info.st_size) <= maxBytes else { return .failure(.tooLarge(path, bytes: Int(info.st_size), kind: kind)) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var total = 0
        while total < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress!.advanced(by: total), buffer.count - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(path, reason: String(cString: strerror(errno))))
            }
            if count == 0 { break }
            total += count
            if total > maxBytes { return .failure(.tooLarge(path, bytes: total, kind: kind)) }
            if total == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 65_536)) }
        }
        return .success(Array(bytes[..<total]))
    }

    /// What a file that is not a regular one is, in words.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a pipe"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a file"
        }
    }
}
