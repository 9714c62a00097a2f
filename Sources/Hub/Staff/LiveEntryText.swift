import Foundation
import ScheduleCore

/// A room's entry or the alert as the history keeps it (JSON), and back, for undo.
enum LiveEntryText {
    static func json(_ room: RoomLive) -> String {
        var object: [String: Any] = ["state": room.state.rawValue, "delay": room.delayMinutes]
        if let since = room.delaySince { object["since"] = since.timeIntervalSince1970 }
        if let note = room.note { object["note"] = note }
        return encode(object)
    }

    static func json(_ alert: LiveAlert?) -> String {
        guard let alert else { return "null" }
        var object: [String: Any] = ["text": alert.text, "level": alert.level.rawValue]
        if let until = alert.until { object["until"] = until.timeIntervalSince1970 }
        return encode(object)
    }

    static func room(_ text: String) -> RoomLive? {
        guard let object = decode(text), let state = RoomState(rawValue: object["state"] as? String ?? "") else { return nil }
        return RoomLive(delayMinutes: object["delay"] as? Int ?? 0, delaySince: (object["since"] as? Double).map(Date.init(timeIntervalSince1970:)),
                        state: state, note: object["note"] as? String)
    }

    /// The alert (nil inside: there was none), or nil when `text` is not one.
    static func alert(_ text: String) -> LiveAlert?? {
        if text == "null" { return .some(nil) }
        guard let object = decode(text), let words = object["text"] as? String, let level = LiveAlert.Level(rawValue: object["level"] as? String ?? "") else { return nil }
        return .some(LiveAlert(text: words, level: level, until: (object["until"] as? Double).map(Date.init(timeIntervalSince1970:))))
    }

    private static func encode(_ object: [String: Any]) -> String {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])).flatMap { String(data: $0, encoding: .utf8) } ?? "null"
    }

    private static func decode(_ text: String) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    }
}
