import DisplayContract
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP server on 127.0.0.1 that answers like an attacker: after reading the request it
/// writes `head`, then `chunk` over and over for as long as the client reads (an endless body),
/// or stops after `repeats` chunks. One connection at a time, on a thread of its own.
final class HostileHTTPServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let head: [UInt8]
    private let chunk: [UInt8]
    private let repeats: Int
    private let lock = NSLock()
    private var sent = 0

    /// Bytes written to clients so far.
    var bytesSent: Int { lock.withLock { sent } }
    var url: URL { URL(string: "http://127.0.0.1:\(port)/feed.json")! }

    init(head: String, chunk: [UInt8], repeats: Int = .max) throws {
        self.head = Array(head.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        self.chunk = chunk
        self.repeats = repeats
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        guard bound, listen(listener, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in serve() }
    }

    deinit { shutdown(listener, Int32(SHUT_RDWR)); close(listener) }

    private func serve() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            var request = [UInt8](repeating: 0, count: 4096)
            _ = read(client, &request, request.count)
            var ok = send(client, head, head.count, Int32(MSG_NOSIGNAL)) == head.count
            var count = 0
            while ok, count < repeats {
                ok = chunk.withUnsafeBytes { send(client, $0.baseAddress, chunk.count, Int32(MSG_NOSIGNAL)) } == chunk.count
                if ok { lock.withLock { sent += chunk.count } }
                count += 1
            }
            close(client)
        }
    }
}
