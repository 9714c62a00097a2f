import Foundation
import Testing
@testable import Hub

/// Accounts, sessions and history in the hub's SQLite file.
@Suite struct HubDatabaseTests {
    static func database() throws -> (HubDatabase, String) {
        let folder = NSTemporaryDirectory() + "hub-db-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return (try HubDatabase(path: folder + "/hub.sqlite"), folder)
    }

    @Test func aPasswordIsShownOnceAndOnlyItsHashIsKept() throws {
        let (database, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let password = try database.addAccount(Account(name: "door-a", role: .door, rooms: ["hall-a"]))
        #expect(password.count == 19 && password.split(separator: "-").count == 4)
        #expect(try database.verify(name: "door-a", password: password) == Account(name: "door-a", role: .door, rooms: ["hall-a"]))
        #expect(try database.verify(name: "door-a", password: password + "x") == nil)
        #expect(try database.verify(name: "nobody", password: password) == nil)
        let file = try Data(contentsOf: URL(fileURLWithPath: folder + "/hub.sqlite")) + ((try? Data(contentsOf: URL(fileURLWithPath: folder + "/hub.sqlite-wal"))) ?? Data())
        #expect(file.range(of: Data(password.utf8)) == nil, "the password is not in the file")
        #expect(throws: HubDatabase.Refusal.self) { try database.addAccount(Account(name: "door-a", role: .technician)) }
        #expect(throws: HubDatabase.Refusal.self) { try database.addAccount(Account(name: "<script>", role: .technician)) }
    }

    @Test func aSessionEndsWhenItExpiresIsEndedOrItsAccountGoes() throws {
        let (database, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try database.addAccount(Account(name: "tech", role: .technician))
        let account = Account(name: "tech", role: .technician)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let session = try database.startSession(account, device: "test", now: now)
        #expect(session.token.count == 64 && session.csrf.count == 64 && session.token != session.csrf)
        #expect(try database.session(token: session.token, now: now.addingTimeInterval(60))?.account == account)
        #expect(try database.session(token: session.token, now: now.addingTimeInterval(HubDatabase.sessionLifetime + 1)) == nil, "expired")
        #expect(try database.session(token: String(repeating: "0", count: 64), now: now) == nil, "a made-up token")
        #expect(try database.session(token: "' OR 1=1 --", now: now) == nil)
        try database.endSession(token: session.token)
        #expect(try database.session(token: session.token, now: now) == nil, "ended: a replayed cookie is worth nothing")
        let second = try database.startSession(account, device: "test", now: now)
        #expect(try database.removeAccount("tech"))
        #expect(try database.session(token: second.token, now: now) == nil, "the account is gone")
    }

    @Test func historyKeepsEveryChangeNewestFirstAndWhatCanBeUndone() throws {
        let (database, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        try database.record(at: at, account: "door-a", device: "phone", target: "room:hall-a", change: "full", before: "{}", after: "{}")
        try database.record(at: at, account: "tech", device: "laptop", target: "alert", change: "emergency: x", before: "null", after: "{}")
        let history = try database.history()
        #expect(history.map(\.change) == ["emergency: x", "full"])
        #expect(try database.lastChange(of: "room:hall-a")?.change == "full")
        try database.markUndone(history[1].id)
        #expect(try database.lastChange(of: "room:hall-a") == nil)
        // Opened again (a restart): all of it is there.
        let reopened = try HubDatabase(path: folder + "/hub.sqlite")
        #expect(try reopened.history().count == 2)
    }
}
