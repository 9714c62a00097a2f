import Foundation
import SkyltTestSupport
import Testing
@testable import Hub

/// The hub's staff side through the real binary: accounts made on the command line, a hub
/// killed while it writes.
@Suite(.serialized) struct HubStaffTests {
    /// Signs `name` in; the session cookie and the pages' form token.
    static func signIn(_ hub: HubTests.Hub, name: String, password: String) -> (cookie: String, csrf: String)? {
        let answer = RawHTTPClient.post(port: hub.port, path: "/login", form: [("name", name), ("password", password)])
        guard let token = RawHTTPClient.cookie("skylt_session", in: answer) else { return nil }
        let cookie = "skylt_session=\(token)"
        guard let client = RawHTTPClient(port: hub.port) else { return nil }
        client.send("GET /door HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: \(cookie)\r\n\r\n")
        let page = client.readAll()
        guard let range = page.range(of: "name=\"csrf\" value=\"") else { return nil }
        return (cookie, String(page[range.upperBound...].prefix { $0 != "\"" }))
    }

    static func addAccount(_ name: String, role: String, state: URL) throws -> String {
        let added = try CLI.run(["hub", "user", "add", name, "--role", role, "--state-dir", state.path])
        #expect(added.status == 0, "\(added.stderr)")
        return added.stdout.split(separator: " ").drop { $0 != "password" }.dropFirst().first.map { String($0.prefix { !$0.isNewline }) } ?? ""
    }

    @Test func aHubKilledWhileItWritesLosesNoChangeItAccepted() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("hub")
        let password = try Self.addAccount("tech", role: "technician", state: state)
        var accepted: [String] = []
        var generator = SeededGenerator(state: 20)
        for round in 0..<20 {
            let hub = try HubTests.Hub(folder: folder)
            let session = try #require(Self.signIn(hub, name: "tech", password: password), "round \(round): signed in")
            let pid = hub.process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Int.random(in: 20...250, using: &generator))) { kill(pid, SIGKILL) }
            for index in 0..<500 {
                let text = "Runda \(round) meddelande \(index)"
                let answer = RawHTTPClient.post(port: hub.port, path: "/tech/alert", form: [("csrf", session.csrf), ("text", text), ("level", "info")],
                                                cookie: session.cookie)
                if answer.hasPrefix("HTTP/1.1 303") { accepted.append(text) } else { break }
            }
            hub.process.waitUntilExit()
        }
        #expect(accepted.count >= 20, "the hub accepted changes between the kills: \(accepted.count)")
        // The database opens, and every change the hub answered "done" to is in its history.
        let database = try HubDatabase(path: state.appendingPathComponent("hub.sqlite").path)
        let recorded = Set(try database.history(limit: 100_000).map(\.change))
        let lost = accepted.filter { !recorded.contains("info: \($0)") }
        #expect(lost.isEmpty, "accepted but lost: \(lost.prefix(5))")
        // The live file is whole and valid, and the hub starts again on it.
        let validated = try CLI.run(["validate", state.appendingPathComponent("feed.json").path, "--live", state.appendingPathComponent("live.json").path])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        let hub = try HubTests.Hub(folder: folder)
        #expect(Self.signIn(hub, name: "tech", password: password) != nil)
        hub.stop()
    }

    @Test func whatStaffTypeReachesTheScreensWithoutControlCharactersOrNotAtAll() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("hub")
        let password = try Self.addAccount("tech", role: "technician", state: state)
        let hub = try HubTests.Hub(folder: folder)
        defer { hub.stop() }
        let session = try #require(Self.signIn(hub, name: "tech", password: password))
        let live = state.appendingPathComponent("live.json")
        // A note with a terminal escape and a bidirectional override: stored without them.
        let noted = RawHTTPClient.post(port: hub.port, path: "/door/main", form: [("csrf", session.csrf), ("state", "full"), ("note", "Fullt\u{1B}[2J\u{202E}kcab")],
                                       cookie: session.cookie)
        #expect(noted.hasPrefix("HTTP/1.1 303"), "\(noted.prefix(200))")
        let written = try String(contentsOf: live, encoding: .utf8)
        #expect(written.contains("\"note\": \"Fullt[2Jkcab\""), "\(written)")
        // Refused, nothing written: an alert over the length limit, a delay out of range, a state that is none.
        for form in [[("text", String(repeating: "A", count: 401)), ("level", "emergency")], [("text", "x"), ("level", "loud")]] {
            let answer = RawHTTPClient.post(port: hub.port, path: "/tech/alert", form: [("csrf", session.csrf)] + form, cookie: session.cookie)
            #expect(answer.hasPrefix("HTTP/1.1 400"), "\(answer.prefix(120))")
        }
        for form in [[("late", "999")], [("late", "-5")], [("late", "ten")], [("state", "packed")], [("nothing", "1")]] {
            let answer = RawHTTPClient.post(port: hub.port, path: "/door/main", form: [("csrf", session.csrf)] + form, cookie: session.cookie)
            #expect(answer.hasPrefix("HTTP/1.1 400"), "\(form): \(answer.prefix(120))")
        }
        #expect(try String(contentsOf: live, encoding: .utf8) == written, "refused changes wrote nothing")
        #expect(try HubDatabase(path: state.appendingPathComponent("hub.sqlite").path).history().count == 1, "only the accepted change is in the history")
    }

    /// A program uploaded as a browser does (`multipart/form-data`).
    static func upload(_ hub: HubTests.Hub, _ bytes: [UInt8], name: String, session: (cookie: String, csrf: String)) -> String {
        guard let client = RawHTTPClient(port: hub.port) else { return "" }
        let boundary = "----skylt\(UInt32.random(in: 0...UInt32.max))"
        let body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(session.csrf)\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/json\r\n\r\n".utf8)
            + bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        client.send("POST /program/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: \(session.cookie)\r\nContent-Type: multipart/form-data; boundary=\(boundary)\r\nContent-Length: \(body.count)\r\n\r\n")
        client.send(body)
        return client.readAll()
    }

    @Test func onlyATechnicianPublishesAndNeverAProgramWithErrors() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("hub")
        let techPassword = try Self.addAccount("tech", role: "technician", state: state)
        let doorPassword = try Self.addAccount("door", role: "door", state: state)
        let hub = try HubTests.Hub(folder: folder)
        defer { hub.stop() }
        let tech = try #require(Self.signIn(hub, name: "tech", password: techPassword))
        let feed = state.appendingPathComponent("feed.json")
        let before = try Data(contentsOf: feed)
        let broken = Array(#"{"skylt": 1, "event": {"name": "X", "timezone": "Europe/Stockholm"}, "sessions": [{"id": "a", "title": "A", "start": "2026-05-04T10:00", "end": "2026-05-04T09:00"}]}"#.utf8)
        let checked = Self.upload(hub, broken, name: "broken.json", session: tech)
        let token = try #require(checked.range(of: "staged=").map { String(checked[$0.upperBound...].prefix(64)) }, "\(checked.prefix(300))")
        let published = RawHTTPClient.post(port: hub.port, path: "/program/publish", form: [("csrf", tech.csrf), ("staged", token)], cookie: tech.cookie)
        #expect(published.hasPrefix("HTTP/1.1 409"), "a program with errors is never published: \(published.prefix(100))")
        #expect(try Data(contentsOf: feed) == before)
        #expect(RawHTTPClient.post(port: hub.port, path: "/program/rollback", form: [("csrf", tech.csrf), ("version", "99")], cookie: tech.cookie).hasPrefix("HTTP/1.1 404"))
        let valid = try [UInt8](Data(contentsOf: CLI.root.appendingPathComponent("assets/feeds/nordic-devdays-multi-room.json")))
        // A door account: the desk is not its page, and the server refuses its writes.
        let door = try #require(Self.signIn(hub, name: "door", password: doorPassword))
        #expect(Self.upload(hub, valid, name: "x.json", session: door).hasPrefix("HTTP/1.1 403"))
        #expect(RawHTTPClient.post(port: hub.port, path: "/program/publish", form: [("csrf", door.csrf), ("staged", token)], cookie: door.cookie).hasPrefix("HTTP/1.1 403"))
        // Without the form's token, or signed out: refused.
        #expect(Self.upload(hub, valid, name: "x.json", session: (tech.cookie, "0")).hasPrefix("HTTP/1.1 403"))
        #expect(Self.upload(hub, valid, name: "x.json", session: ("skylt_session=00", tech.csrf)).hasPrefix("HTTP/1.1 403"))
        // A technician publishes a valid one; the earlier program is kept as a version, and rolling back restores its bytes.
        let good = Self.upload(hub, valid, name: "nordic.json", session: tech)
        let goodToken = try #require(good.range(of: "staged=").map { String(good[$0.upperBound...].prefix(64)) })
        #expect(RawHTTPClient.post(port: hub.port, path: "/program/publish", form: [("csrf", tech.csrf), ("staged", goodToken)], cookie: tech.cookie).hasPrefix("HTTP/1.1 303"))
        #expect(try [UInt8](Data(contentsOf: feed)) == valid)
        let versions = try HubDatabase(path: state.appendingPathComponent("hub.sqlite").path).versions()
        #expect(versions.map(\.account) == ["tech", "feed.json"])
        let first = try #require(versions.last)
        #expect(RawHTTPClient.post(port: hub.port, path: "/program/rollback", form: [("csrf", tech.csrf), ("version", String(first.id))], cookie: tech.cookie).hasPrefix("HTTP/1.1 303"))
        #expect(try Data(contentsOf: feed) == before)
    }

    @Test func accountsAreCheckedWhenTheyAreMade() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hub = try HubTests.Hub(folder: folder)  // makes the state folder with the embedded program
        hub.stop()
        let state = hub.state.path
        let typo = try CLI.run(["hub", "user", "add", "door-a", "--role", "door", "--rooms", "stora-salen", "--state-dir", state])
        #expect(typo.status == 2 && typo.stderr.contains("no room stora-salen") && typo.stderr.contains("its rooms: main"), "\(typo.stderr)")
        let role = try CLI.run(["hub", "user", "add", "x", "--role", "admin", "--state-dir", state])
        #expect(role.status == 2 && role.stderr.contains("technician or door"))
        let name = try CLI.run(["hub", "user", "add", "a b", "--role", "door", "--state-dir", state])
        #expect(name.status == 2 && name.stderr.contains("1–64 letters"))
        let password = try Self.addAccount("door-a", role: "door", state: hub.state)
        #expect(password.count == 19)
        let again = try CLI.run(["hub", "user", "add", "door-a", "--role", "door", "--state-dir", state])
        #expect(again.status == 2 && again.stderr.contains("already an account"))
        #expect(try CLI.run(["hub", "user", "list", "--state-dir", state]).stdout.contains("door-a\tdoor\tevery room"))
        #expect(try CLI.run(["hub", "user", "remove", "door-a", "--state-dir", state]).status == 0)
        #expect(try CLI.run(["hub", "user", "remove", "door-a", "--state-dir", state]).status == 2)
    }
}
