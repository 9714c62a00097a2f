import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bound Unix datagram socket that collects what arrives, as systemd listens for sd_notify.
public final class DatagramListener {
    public let descriptor: Int32
    /// The socket's name: a path, or `@name` in the abstract namespace.
    public let name: String

    /// - Parameters:
    ///   - abstract: bind in the abstract namespace instead of the file system.
    ///   - timeout: how long `receive()` waits.
    public init(abstract: Bool = false, timeout: Int = 1) throws {
        name = abstract ? "@skylt-test-\(UUID().uuidString.prefix(8))"
            : FileManager.default.temporaryDirectory.path + "/skylt-notify-\(UUID().uuidString.prefix(8))"
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(name.utf8)
        if abstract { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (abstract ? 0 : 1))
        let result = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) } }
        // Thrown with every property set: `deinit` closes the socket.
        guard result == 0 else { throw POSIXError(.EADDRINUSE) }
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close(descriptor)
        if !name.hasPrefix("@") { unlink(name) }
    }

    /// The next message, or nil after the timeout.
    public func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : nil
    }

    /// Every message already waiting, without blocking.
    public func drain() -> [String] {
        var messages: [String] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if count <= 0 { return messages }
            messages.append(String(decoding: buffer[..<count], as: UTF8.self))
        }
    }
}
