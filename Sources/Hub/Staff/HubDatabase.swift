import Foundation
import GRDB
import HummingbirdBcrypt
import Kiosk

/// The hub's own state in one SQLite file (`hub.sqlite` in the state folder): accounts,
/// sessions and the history of every change. Written in WAL mode with full syncs, so a hub
/// killed at any moment opens again with every change it accepted.
public final class HubDatabase: Sendable {
    private let queue: DatabaseQueue

    /// How long a login lasts: a conference day and its evening.
    public static let sessionLifetime: TimeInterval = 16 * 3600
    /// bcrypt's work factor: about 60 ms a check here, a few hundred on a small board.
    static let passwordCost: UInt8 = 10

    /// Opens (or makes) the database at `path`.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1: accounts, sessions, history") { db in
            try db.execute(sql: """
                CREATE TABLE account (name TEXT PRIMARY KEY NOT NULL, role TEXT NOT NULL, rooms TEXT, password_hash TEXT NOT NULL, created REAL NOT NULL);
                CREATE TABLE session (token TEXT PRIMARY KEY NOT NULL, account TEXT NOT NULL REFERENCES account(name) ON DELETE CASCADE,
                                      csrf TEXT NOT NULL, device TEXT NOT NULL, expires REAL NOT NULL);
                CREATE TABLE history (id INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, account TEXT NOT NULL, device TEXT NOT NULL,
                                      target TEXT NOT NULL, change TEXT NOT NULL, before TEXT NOT NULL, after TEXT NOT NULL, undone INTEGER NOT NULL DEFAULT 0);
                """)
        }
        migrator.registerMigration("2: program versions") { db in
            try db.execute(sql: """
                CREATE TABLE program_version (id INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, account TEXT NOT NULL, hash TEXT NOT NULL,
                                              title TEXT NOT NULL, sessions INTEGER NOT NULL, rooms INTEGER NOT NULL, origin TEXT NOT NULL);
                """)
        }
        try migrator.migrate(queue)
    }

    // MARK: - Accounts

    /// Why an account cannot be added or changed.
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        /// What to tell the technician.
        public let description: String
    }

    /// Adds an account and returns its password, made here and shown once (only its hash is kept).
    public func addAccount(_ account: Account) throws -> String {
        guard HubNames.isValidScreenName(account.name) else { throw Refusal(description: "a name is 1–64 letters, digits, '.', '_' or '-'") }
        let password = Self.newPassword()
        let hash = Bcrypt.hash(password, cost: Self.passwordCost)
        try queue.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE name = ?", arguments: [account.name]) == true {
                throw Refusal(description: "there is already an account \(account.name); remove it first (skylt hub user remove \(account.name))")
            }
            try db.execute(sql: "INSERT INTO account (name, role, rooms, password_hash, created) VALUES (?, ?, ?, ?, ?)",
                           arguments: [account.name, account.role.rawValue, account.rooms?.joined(separator: ","), hash, Date().timeIntervalSince1970])
        }
        return password
    }

    /// Removes an account and ends its sessions; false when there was none.
    public func removeAccount(_ name: String) throws -> Bool {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM session WHERE account = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM account WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    /// Every account, by name.
    public func accounts() throws -> [Account] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT name, role, rooms FROM account ORDER BY name").compactMap(Self.account)
        }
    }

    /// The account when `password` is its password (a real check even for an unknown name, so
    /// that the time taken does not say which names exist).
    func verify(name: String, password: String) throws -> Account? {
        let row = try queue.read { db in try Row.fetchOne(db, sql: "SELECT name, role, rooms, password_hash FROM account WHERE name = ?", arguments: [name]) }
        let hash: String = row?["password_hash"] ?? Self.unknownNameHash
        guard Bcrypt.verify(password, hash: hash), let row else { return nil }
        return Self.account(row)
    }

    private static let unknownNameHash = Bcrypt.hash(newPassword(), cost: passwordCost)

    private static func account(_ row: Row) -> Account? {
        guard let role = Account.Role(rawValue: row["role"]) else { return nil }
        let rooms: String? = row["rooms"]
        return Account(name: row["name"], role: role, rooms: rooms.map { $0.split(separator: ",").map(String.init) })
    }

    /// 16 letters and digits that cannot be misread (no 0/o, 1/l), in groups of four.
    static func newPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        let letters = (0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] }
        return stride(from: 0, to: 16, by: 4).map { String(letters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    // MARK: - Sessions

    /// A login: the account, the form token its pages carry, and when it ends.
    public struct Session: Sendable, Equatable {
        public let token: String
        public let account: Account
        public let csrf: String
        public let expires: Date
    }

    /// A new session for `account`, from `device` (address and browser, for the history).
    func startSession(_ account: Account, device: String, now: Date) throws -> Session {
        let session = Session(token: Self.randomToken(), account: account, csrf: Self.randomToken(), expires: now.addingTimeInterval(Self.sessionLifetime))
        try queue.write { db in
            try db.execute(sql: "DELETE FROM session WHERE expires < ?", arguments: [now.timeIntervalSince1970])
            try db.execute(sql: "INSERT INTO session (token, account, csrf, device, expires) VALUES (?, ?, ?, ?, ?)",
                           arguments: [session.token, account.name, session.csrf, String(device.prefix(200)), session.expires.timeIntervalSince1970])
        }
        return session
    }

    /// The session a cookie names, while it lasts and its account exists.
    func session(token: String, now: Date) throws -> Session? {
        guard token.count == 64, token.allSatisfy(\.isHexDigit) else { return nil }
        return try queue.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT s.token, s.csrf, s.expires, a.name, a.role, a.rooms FROM session s JOIN account a ON a.name = s.account WHERE s.token = ?
                """, arguments: [token]), let account = Self.account(row) else { return nil }
            let expires = Date(timeIntervalSince1970: row["expires"])
            guard expires > now else { return nil }
            return Session(token: row["token"], account: account, csrf: row["csrf"], expires: expires)
        }
    }

    /// Ends a session (logging out): its cookie is worth nothing after.
    func endSession(token: String) throws {
        try queue.write { db in try db.execute(sql: "DELETE FROM session WHERE token = ?", arguments: [token]) }
    }

    /// 32 random bytes from the kernel, in hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let hex = String(generator.next(), radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    // MARK: - History

    /// One change to what the screens show.
    public struct Change: Sendable, Equatable {
        public let id: Int64
        public let at: Date
        public let account: String
        public let device: String
        /// `room:ID` or `alert`.
        public let target: String
        /// The change in the technician's words (`full`, `late 10`, `alert: …`).
        public let change: String
        /// The entry before and after, as JSON (`null` for none).
        public let before: String, after: String
        public let undone: Bool
    }

    /// Records a change (after it was written to the live file).
    func record(at: Date, account: String, device: String, target: String, change: String, before: String, after: String) throws {
        try queue.write { db in
            try db.execute(sql: "INSERT INTO history (at, account, device, target, change, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [at.timeIntervalSince1970, account, String(device.prefix(200)), target, String(change.prefix(500)), before, after])
        }
    }

    /// The newest changes first.
    public func history(limit: Int = 50) throws -> [Change] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM history ORDER BY id DESC LIMIT ?", arguments: [limit]).map(Self.change)
        }
    }

    /// The newest change of `target` not yet undone (an undo itself is not undone).
    func lastChange(of target: String) throws -> Change? {
        try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM history WHERE target = ? AND undone = 0 AND substr(change, 1, 4) != 'undo' ORDER BY id DESC LIMIT 1",
                             arguments: [target]).map(Self.change)
        }
    }

    private static func change(_ row: Row) -> Change {
        Change(id: row["id"], at: Date(timeIntervalSince1970: row["at"]), account: row["account"], device: row["device"],
               target: row["target"], change: row["change"], before: row["before"], after: row["after"], undone: row["undone"])
    }

    /// Marks a change as undone.
    func markUndone(_ id: Int64) throws {
        try queue.write { db in try db.execute(sql: "UPDATE history SET undone = 1 WHERE id = ?", arguments: [id]) }
    }

    // MARK: - Program versions

    /// A program that was put in force: by whom, when, from where (a URL, an upload, a roll back).
    public struct ProgramVersion: Sendable, Equatable {
        public let id: Int64
        public let at: Date
        public let account: String
        /// The content's hash: its bytes are `versions/HASH.feed` in the state folder.
        public let hash: String
        public let title: String
        public let sessions: Int, rooms: Int
        public let origin: String
    }

    /// Records a program put in force.
    func recordVersion(at: Date, account: String, hash: String, title: String, sessions: Int, rooms: Int, origin: String) throws {
        try queue.write { db in
            try db.execute(sql: "INSERT INTO program_version (at, account, hash, title, sessions, rooms, origin) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [at.timeIntervalSince1970, account, hash, String(title.prefix(200)), sessions, rooms, String(origin.prefix(300))])
        }
    }

    /// The versions, newest first.
    public func versions(limit: Int = 50) throws -> [ProgramVersion] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM program_version ORDER BY id DESC LIMIT ?", arguments: [limit]).map(Self.version)
        }
    }

    /// One version.
    func version(_ id: Int64) throws -> ProgramVersion? {
        try queue.read { db in try Row.fetchOne(db, sql: "SELECT * FROM program_version WHERE id = ?", arguments: [id]).map(Self.version) }
    }

    private static func version(_ row: Row) -> ProgramVersion {
        ProgramVersion(id: row["id"], at: Date(timeIntervalSince1970: row["at"]), account: row["account"], hash: row["hash"], title: row["title"],
                       sessions: row["sessions"], rooms: row["rooms"], origin: row["origin"])
    }
}
