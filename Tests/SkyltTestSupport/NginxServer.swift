import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real nginx on 127.0.0.1, started with its own temporary config and port for one test and
/// stopped after. Serves `www/`; `/error500` answers 500, `/slow/` trickles bodies at 50 B/s,
/// `/html/` serves everything as text/html, `/gzip/` serves files as they are, saying they are
/// gzip-compressed (`Content-Encoding: gzip`).
public final class NginxServer {
    public let folder: String
    public let port: Int
    private var process: Process?

    public var www: String { folder + "/www" }
    public func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)/\(path)")! }

    public static var binary: String? {
        ["/usr/sbin/nginx", "/usr/bin/nginx"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A server on a free port, not yet started.
    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("skylt-nginx-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        port = try Self.freePort()
        for sub in ["www", "www/slow", "www/html", "www/gzip", "tmp", "logs"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        }
        chmod(folder, 0o755)
        let config = """
        worker_processes 1;
        daemon off;
        pid \(folder)/nginx.pid;
        error_log \(folder)/logs/error.log;
        events { worker_connections 64; }
        http {
            access_log off;
            client_body_temp_path \(folder)/tmp;
            proxy_temp_path \(folder)/tmp;
            fastcgi_temp_path \(folder)/tmp;
            uwsgi_temp_path \(folder)/tmp;
            scgi_temp_path \(folder)/tmp;
            types { application/json json; text/calendar ics; }
            default_type application/octet-stream;
            server {
                listen 127.0.0.1:\(port);
                root \(folder)/www;
                etag on;
                location = /error500 { return 500; }
                location /slow/ { limit_rate 50; }
                location /html/ { types { } default_type text/html; }
                location /gzip/ { add_header Content-Encoding gzip; }
            }
        }
        """
        try config.write(toFile: folder + "/nginx.conf", atomically: true, encoding: .utf8)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    public func start() throws {
        guard let binary = Self.binary else { throw ServerError.missing }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-c", folder + "/nginx.conf", "-p", folder, "-e", folder + "/logs/error.log"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(5)
        while !Self.accepts(port: port), Date() < deadline { usleep(20_000) }
        guard Self.accepts(port: port) else {
            let log = (try? String(contentsOfFile: folder + "/logs/error.log", encoding: .utf8)) ?? ""
            throw ServerError.didNotStart(log)
        }
    }

    public func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
        self.process = nil
    }

    public func put(_ bytes: [UInt8], at path: String) throws {
        let full = www + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        chmod(full, 0o644)
    }

    public enum ServerError: Error { case missing, didNotStart(String) }

    public static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw ServerError.didNotStart("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func accepts(port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
