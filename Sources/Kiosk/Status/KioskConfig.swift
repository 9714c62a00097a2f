import Foundation
import ScheduleCore

/// The kiosk's settings file (`/etc/skylt/skylt.json`), read with the same located, compiler-
/// style errors as feeds. Command-line flags override what it says.
///
/// ```json
/// { "feed": "/etc/skylt/feed.json", "live": "/etc/skylt/live.json", "room": "stora-salen", "rotate": 0, "theme": "dark",
///   "rooms": ["stora-salen", "lilla-salen"] (a lobby screen's own rooms, instead of "room"),
///   "emergency_direction": "Nödutgång: trappan till vänster", "live_poll_interval": 5,
///   "poll_interval": 30, "state_dir": "/var/lib/skylt", "fullscreen": true,
///   "screen_hours": { "on": "07:30", "off": "18:30" }, "blank_after_last_session": true, "hdmi_cec": true,
///   "http": { "address": "127.0.0.1", "port": 8080, "token_file": "/etc/skylt/token" } }
/// ```
public struct KioskConfig: Sendable, Equatable {
    public var feed: String?
    /// The technician's live file (delays, room states, alerts): a path or an http(s) URL.
    public var live: String?
    /// Seconds between polls of a live URL (default 5).
    public var livePollInterval: Double?
    /// This screen's line under an emergency alert: where the way out is from here.
    public var emergencyDirection: String?
    public var room: String?
    public var lobby = false
    /// The rooms a lobby screen shows, in its order (nil: those with something on today).
    public var rooms: [String]?
    public var rotate = 0
    public var theme: String?
    public var pollInterval: Double?
    public var stateDir: String?
    public var statusFile: String?
    public var fullscreen = false
    /// Minutes after local midnight the screen turns on and off (nil: always on).
    public var screenOn: Int?
    public var screenOff: Int?
    /// Blank the screen once the day's last session is over.
    public var blankAfterLastSession = false
    /// Also send the TV to standby and wake it through HDMI-CEC, where the kernel has an adapter.
    public var hdmiCEC = true
    public var http: HTTPSettings?
    /// A hub this screen follows for the program and the live file (`skylt hub`), its name
    /// there, and the file with the fleet's token.
    public var hub: String?
    public var screen: String?
    public var hubTokenFile: String?

    public struct HTTPSettings: Sendable, Equatable {
        public var address = "127.0.0.1"
        public var port: Int
        public var tokenFile: String?
    }

    public init() {}

    static let keys: Set<String> = ["$schema", "feed", "live", "live_poll_interval", "emergency_direction", "room", "rooms", "lobby", "rotate", "theme", "poll_interval", "state_dir", "status_file",
                                    "fullscreen", "screen_hours", "blank_after_last_session", "hdmi_cec", "http", "hub", "screen", "hub_token_file"]

    /// Reads a config file's bytes.
    /// - Returns: the config if valid, and every finding (errors make it invalid).
    public static func read(_ bytes: [UInt8]) -> (config: KioskConfig?, diagnostics: [Diagnostic]) {
        let source = SourceText(bytes)
        let sink = DiagnosticSink(source: source)
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            sink.error(error.message, offset: error.offset)
            return (nil, sink.diagnostics)
        }
        guard let fields = ObjectFields(root, path: "", sink: sink) else { return (nil, sink.diagnostics) }
        var config = KioskConfig()
        config.feed = fields.string("feed", nonEmpty: true)
        config.live = fields.string("live", nonEmpty: true)
        if let interval = number(fields, "live_poll_interval") {
            if (1...3_600).contains(interval) { config.livePollInterval = interval } else {
                fields.error("must be from 1 to 3600 (seconds)", key: "live_poll_interval", at: fields.offset(of: "live_poll_interval"))
            }
        }
        if let direction = fields.string("emergency_direction", nonEmpty: true) {
            if direction.count <= LiveLimits.maxNoteCharacters { config.emergencyDirection = direction } else {
                fields.error("\(direction.count) characters; at most \(LiveLimits.maxNoteCharacters) fit under an alert",
                             key: "emergency_direction", at: fields.offset(of: "emergency_direction"))
            }
        }
        config.room = fields.string("room", nonEmpty: true)
        config.lobby = bool(fields, "lobby") ?? false
        if config.lobby && config.room != nil { fields.error("give either \"room\" or \"lobby\", not both", key: "lobby", at: fields.offset(of: "lobby")) }
        if let (elements, offset) = fields.array("rooms") {
            let ids = elements.compactMap { element -> String? in
                if case .string(let id) = element.value, !id.trimmingCharacters(in: .whitespaces).isEmpty { return id }
                fields.error("expected a room id (a string), found \(element.value.typeName)", key: "rooms", at: element.offset)
                return nil
            }
            if ids.isEmpty { fields.error("needs at least one room id", key: "rooms", at: offset) }
            if config.room != nil { fields.error("give either \"room\" or \"rooms\", not both", key: "rooms", at: offset) }
            config.rooms = ids.isEmpty ? nil : ids
        }
        if let rotate = number(fields, "rotate") {
            if [0, 90, 180, 270].contains(rotate) { config.rotate = Int(rotate) } else {
                fields.error("must be 0, 90, 180 or 270", key: "rotate", at: fields.offset(of: "rotate"))
            }
        }
        config.theme = fields.string("theme", nonEmpty: true)
        if let interval = number(fields, "poll_interval") {
            if (1...86_400).contains(interval) { config.pollInterval = interval } else {
                fields.error("must be from 1 to 86400 (seconds)", key: "poll_interval", at: fields.offset(of: "poll_interval"))
            }
        }
        config.stateDir = fields.string("state_dir", nonEmpty: true)
        config.statusFile = fields.string("status_file", nonEmpty: true)
        config.fullscreen = bool(fields, "fullscreen") ?? false
        config.blankAfterLastSession = bool(fields, "blank_after_last_session") ?? false
        config.hdmiCEC = bool(fields, "hdmi_cec") ?? true
        config.hub = fields.string("hub", nonEmpty: true)
        config.screen = fields.string("screen", nonEmpty: true)
        config.hubTokenFile = fields.string("hub_token_file", nonEmpty: true)
        if let screen = config.screen, !HubNames.isValidScreenName(screen) {
            fields.error("a screen's name is 1–64 letters, digits, '.', '_' or '-'", key: "screen", at: fields.offset(of: "screen"))
        }
        if config.hub != nil, config.screen == nil { fields.error("\"hub\" needs \"screen\": how the hub lists this screen", key: "hub", at: fields.offset(of: "hub")) }
        if let node = fields.node("screen_hours"), let hours = ObjectFields(node, path: "screen_hours", sink: sink) {
            config.screenOn = clock(hours, "on")
            config.screenOff = clock(hours, "off")
            if hours.node("on") == nil || hours.node("off") == nil { hours.error("needs both \"on\" and \"off\" (HH:MM)") }
            hours.finish(known: ["on", "off"])
        }
        if let node = fields.node("http"), let http = ObjectFields(node, path: "http", sink: sink) {
            if let port = number(http, "port"), port >= 1, port <= 65_535, port.rounded() == port {
                config.http = HTTPSettings(address: http.string("address", nonEmpty: true) ?? "127.0.0.1", port: Int(port),
                                           tokenFile: http.string("token_file", nonEmpty: true))
            } else {
                http.error("needs \"port\": a number from 1 to 65535", key: "port", at: http.offset(of: "port"))
            }
            refuseSecrets(in: http)
            http.finish(known: ["address", "port", "token_file"])
        }
        refuseSecrets(in: fields)
        fields.finish(known: keys)
        return (sink.hasErrors ? nil : config, sink.diagnostics)
    }

    /// Keys that look like they hold a secret (`token`, `password`, `api_key`…) are errors, not
    /// unknown-key warnings: the technician would believe the remote view is protected while it
    /// runs open, and the secret would sit in a file that is copied around. Secrets go in a
    /// file of their own, named by `token_file`.
    private static func refuseSecrets(in fields: ObjectFields) {
        let words = ["token", "password", "passwd", "secret", "api_key", "apikey", "auth", "bearer", "credential"]
        for member in fields.members where member.key != "token_file" && !keys.contains(member.key) {
            let key = member.key.lowercased()
            guard words.contains(where: { key.contains($0) }) else { continue }
            fields.error("\"\(member.key)\" looks like a secret, and secrets are not read from the settings file: put the token in a file of its own "
                         + "(readable only by root and Skylt) and name it with \"http\": {\"token_file\": \"/etc/skylt/token\"}",
                         key: member.key, at: member.keyOffset)
        }
    }

    private static func bool(_ fields: ObjectFields, _ key: String) -> Bool? {
        guard let node = fields.node(key) else { return nil }
        if case .bool(let value) = node.value { return value }
        fields.error("expected true or false, found \(node.value.typeName)", key: key, at: node.offset)
        return nil
    }

    private static func number(_ fields: ObjectFields, _ key: String) -> Double? {
        guard let node = fields.node(key) else { return nil }
        if case .number(let value) = node.value { return value }
        fields.error("expected a number, found \(node.value.typeName)", key: key, at: node.offset)
        return nil
    }

    private static func clock(_ fields: ObjectFields, _ key: String) -> Int? {
        guard let text = fields.string(key) else { return nil }
        let parts = text.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0...23).contains(parts[0]), (0...59).contains(parts[1]), text.count == 5 else {
            fields.error("\"\(text)\" is not a time of day; write HH:MM", key: key, at: fields.offset(of: key))
            return nil
        }
        return parts[0] * 60 + parts[1]
    }

    /// Whether the screen should be on at a local time of day (minutes after midnight).
    public func screenIsOn(atMinute minute: Int) -> Bool {
        guard let on = screenOn, let off = screenOff, on != off else { return true }
        return on < off ? (minute >= on && minute < off) : (minute >= on || minute < off)
    }
}
