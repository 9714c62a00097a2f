import DisplayContract
import Foundation
import ScheduleCore
import SkyltTestSupport
import Testing
@testable import Kiosk

/// Feed servers that answer like attackers: every limit holds while the answer arrives, the
/// kiosk keeps its program, and the status says why, without the URL's secrets.
@Suite struct HostileFeedServerTests {
    static func fetch(_ url: URL, timeout: TimeInterval = 5) -> HTTPSourceFetcher.Result {
        HTTPSourceFetcher(url: url, timeout: timeout).fetch()
    }

    @Test func anEndlessBodyIsCutOffAtTheCap() throws {
        let piece = Array("1000\r\n".utf8) + [UInt8](repeating: UInt8(ascii: "["), count: 4096) + Array("\r\n".utf8)
        let server = try HostileHTTPServer(head: "HTTP/1.1 200 OK\nContent-Type: application/json\nTransfer-Encoding: chunked\n\n", chunk: piece)
        #expect(Self.fetch(server.url) == .failure("the body is over 16 MiB"))
        // curl stopped reading: what the server got out is the cap plus the sockets' buffers.
        Thread.sleep(forTimeInterval: 0.5)
        #expect(server.bytesSent < 40 * 1_048_576)
    }

    @Test func endlessHeadersAreCutOff() throws {
        let server = try HostileHTTPServer(head: "HTTP/1.1 200 OK\n", chunk: Array("X-Padding: \(String(repeating: "a", count: 1000))\r\n".utf8))
        #expect(Self.fetch(server.url) == .failure("the response's headers are over 64 KiB"))
    }

    @Test func aRedirectToAFileIsNotFollowed() throws {
        let server = try HostileHTTPServer(head: "HTTP/1.1 302 Found\nLocation: file:///etc/passwd\nContent-Length: 0\n\n", chunk: [], repeats: 0)
        #expect(Self.fetch(server.url) == .failure("only http and https feeds are fetched"))
    }

    /// `gzip -c` of what `input` reads, as a server would have it stored.
    static func gzip(_ input: FileHandle, level: Int = 6) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", "-\(level)"]
        process.standardInput = input
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }

    @Test func aGzipBombIsRefusedOnceItsOutputPassesTheCapAndAGzipFeedIsRead() throws {
        guard let server = try URLFeedTests.server() else { return }
        try server.start()
        // 256 MiB of zeros in a quarter of a megabyte.
        let bomb = try Self.gzip(FileHandle(forReadingAtPath: "/dev/zero")!.limited(to: 256 * 1_048_576), level: 9)
        #expect(bomb.count < 400_000)
        try server.put(bomb, at: "gzip/bomb.json")
        #expect(Self.fetch(server.url("gzip/bomb.json")) == .failure("the body is over 16 MiB once decompressed"))
        // A real gzip-compressed feed is read.
        let folder = try KioskFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plain = KioskFixture.feed(title: "Komprimerad")
        FileManager.default.createFile(atPath: folder + "/plain.json", contents: Data(plain))
        try server.put(try Self.gzip(FileHandle(forReadingAtPath: folder + "/plain.json")!), at: "gzip/feed.json")
        #expect(Self.fetch(server.url("gzip/feed.json")) == .body(plain))
        // And one cut short or corrupt is refused, saying so.
        let whole = try Self.gzip(FileHandle(forReadingAtPath: folder + "/plain.json")!)
        try server.put(Array(whole.prefix(whole.count / 2)), at: "gzip/short.json")
        #expect(Self.fetch(server.url("gzip/short.json")) == .failure("the gzip body is cut short"))
        try server.put(Array(whole.prefix(10)) + [UInt8](repeating: 0xFF, count: 100), at: "gzip/corrupt.json")
        guard case .failure(let reason) = Self.fetch(server.url("gzip/corrupt.json")) else { Issue.record("corrupt gzip accepted"); return }
        #expect(reason.hasPrefix("the gzip body is corrupt ("))
    }

    @Test func secretsInTheFeedURLAreNeverShown() throws {
        guard let server = try URLFeedTests.server() else { return }
        try server.start()
        let secret = URL(string: "http://skylt:hemligt@127.0.0.1:\(server.port)/missing.json?api_key=nyckel123#x")!
        let folder = try KioskFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = KioskFixture.store(folder, source: .url(secret))
        URLSourcePoller(fetcher: HTTPSourceFetcher(url: secret), store: store, logger: KioskFixture.logger, wallClock: KioskFixture.wallClock, clock: KioskFixture.clock).pollOnce()
        let status = String(decoding: try store.status.snapshot().json(), as: UTF8.self)
        #expect(status.contains("HTTP 404"))
        #expect(status.contains("http://…@127.0.0.1:\(server.port)/missing.json?…"))
        for secret in ["hemligt", "nyckel123", "api_key", "skylt:"] { #expect(!status.contains(secret)) }
    }
}

extension FileHandle {
    /// The first `count` bytes of this handle, as a handle a process can read.
    func limited(to count: Int) throws -> FileHandle {
        let pipe = Pipe()
        let source = self
        Thread.detachNewThread {
            var left = count
            while left > 0, let data = try? source.read(upToCount: min(left, 1 << 20)), !data.isEmpty {
                try? pipe.fileHandleForWriting.write(contentsOf: data)
                left -= data.count
            }
            try? pipe.fileHandleForWriting.close()
        }
        return pipe.fileHandleForReading
    }
}
