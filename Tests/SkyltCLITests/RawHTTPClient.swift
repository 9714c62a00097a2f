import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP connection to 127.0.0.1 that sends exactly the bytes a test gives, as an attacker's
/// client would: half a request, one endless header, nothing at all. Each is used by one task
/// at a time.
final class RawHTTPClient: @unchecked Sendable {
    let descriptor: Int32

    /// Connects, or returns nil when the connection is refused (`deinit` closes the socket then:
    /// the object is whole once `descriptor` is set).
    /// - Parameter source: the local address to connect from (any of 127.0.0.0/8 is this machine).
    init?(port: Int, timeout: TimeInterval = 5, source: String? = nil) {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        if let source {
            var local = sockaddr_in()
            local.sin_family = sa_family_t(AF_INET)
            local.sin_addr.s_addr = inet_addr(source)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else { return nil }
        }
        var wait = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Sends `bytes`; false when the server has closed the connection.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Everything the server sends until it closes (or the timeout passes).
    func readAll() -> String {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            data += buffer[0..<count]
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether the server has closed the connection (a read returns end of file, or a reset, at once).
    var isClosedByServer: Bool {
        var byte: UInt8 = 0
        let result = recv(descriptor, &byte, 1, Int32(MSG_DONTWAIT))
        return result == 0 || result < 0 && errno == ECONNRESET
    }

    /// `GET path` with an optional `Authorization` header, and the status code of the answer (0: none).
    static func status(port: Int, path: String = "/status", authorization: String? = nil) -> Int {
        guard let client = RawHTTPClient(port: port) else { return 0 }
        client.send("GET \(path) HTTP/1.1\r\nHost: x\r\n" + (authorization.map { "Authorization: \($0)\r\n" } ?? "") + "\r\n")
        let answer = client.readAll()
        return answer.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
    }
}

extension RawHTTPClient {
    /// The whole response to a GET (head and body), or "" when nothing answers.
    static func get(port: Int, path: String, authorization: String?) -> String {
        guard let client = RawHTTPClient(port: port) else { return "" }
        client.send("GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + (authorization.map { "Authorization: \($0)\r\n" } ?? "") + "\r\n")
        return client.readAll()
    }
}

extension RawHTTPClient {
    /// The whole response to a form POST (head and body), or "" when nothing answers.
    static func post(port: Int, path: String, form: [(String, String)], cookie: String? = nil) -> String {
        guard let client = RawHTTPClient(port: port) else { return "" }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
        client.send("POST \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: \(body.utf8.count)\r\n" + (cookie.map { "Cookie: \($0)\r\n" } ?? "") + "\r\n" + body)
        return client.readAll()
    }

    /// The value of a `Set-Cookie: NAME=…` in a response.
    static func cookie(_ name: String, in response: String) -> String? {
        guard let range = response.range(of: "set-cookie: \(name)=", options: .caseInsensitive) else { return nil }
        return String(response[range.upperBound...].prefix { $0 != ";" && $0 != "\r" })
    }
}
