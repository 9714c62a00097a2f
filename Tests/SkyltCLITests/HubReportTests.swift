import Foundation
import SkyltTestSupport
import Testing

/// Screens' reports to the hub through a real hub: bounded, with the fleet's token, and a name
/// that another machine cannot report as.
@Suite(.serialized) struct HubReportTests {
    static func send(_ hub: HubTests.Hub, _ method: String, _ path: String, name: String, body: [UInt8], token: String?, from source: String = "127.0.0.1") -> Int {
        guard let client = RawHTTPClient(port: hub.port, source: source) else { return 0 }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Skylt-Screen: \(name)\r\nContent-Length: \(body.count)\r\n"
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        client.send(head + "\r\n")
        client.send(body)
        let answer = client.readAll()
        return answer.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
    }

    @Test func reportsAreBoundedAndANameStaysWithItsMachine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hub = try HubTests.Hub(folder: folder)
        defer { hub.stop() }
        let report = Array(#"{"sign": "room main", "size": "1920x1080", "rotation": 0, "version": "0.9.0", "screen_on": true, "clock_trusted": true}"#.utf8)
        #expect(Self.send(hub, "POST", "/v1/report", name: "door-a", body: report, token: nil) == 401, "without the fleet's token")
        #expect(Self.send(hub, "POST", "/v1/report", name: "door-a", body: report, token: hub.token) == 204)
        #expect(Self.send(hub, "POST", "/v1/report", name: "door-a", body: report, token: hub.token, from: "127.0.0.2") == 409, "another machine as door-a")
        #expect(Self.send(hub, "POST", "/v1/report", name: "door-b", body: Array("not json".utf8), token: hub.token) == 400)
        #expect(Self.send(hub, "POST", "/v1/report", name: "door-b", body: Array(repeating: 0x20, count: 5000), token: hub.token) == 413)
        #expect(Self.send(hub, "POST", "/v1/report", name: "a b", body: report, token: hub.token) == 400, "not a screen name")
        #expect(Self.send(hub, "PUT", "/v1/thumbnail", name: "door-a", body: Array("<svg/>".utf8), token: hub.token) == 400, "not a PNG")
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64)
        #expect(Self.send(hub, "PUT", "/v1/thumbnail", name: "door-a", body: png, token: hub.token) == 204)
        #expect(Self.send(hub, "PUT", "/v1/thumbnail", name: "door-a", body: png, token: hub.token, from: "127.0.0.2") == 409)
        // What the hub knows: door-a as it reported, nothing of the refused ones.
        let status = RawHTTPClient.get(port: hub.port, path: "/v1/status", authorization: "Bearer \(hub.token)")
        #expect(status.contains("\"sign\" : \"room main\"") && status.contains("\"has_thumbnail\" : true"), "\(status)")
        #expect(!status.contains("door-b") && !status.contains("127.0.0.2"), "\(status)")
    }
}
