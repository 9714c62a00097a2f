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
        client.send("GET /tech HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: \(cookie)\r\n\r\n")
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
