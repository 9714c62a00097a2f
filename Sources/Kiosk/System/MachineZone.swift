import Foundation

/// The machine's time zone, for a schedule that names none: `TZ` as the C library reads it, else
/// /etc/localtime. Foundation alone reads `TZ=':Asia/Kathmandu'` (the leading colon is the C
/// library's "a file name follows"), `TZ='Europe/Brussels '` or a POSIX rule such as
/// `CET-1CEST,M3.5.0,M10.5.0/3` as UTC without a word; here a colon, spaces and a zoneinfo path
/// are understood, and what cannot be understood falls back to /etc/localtime, saying so.
public enum MachineZone {
    /// The zone, and a note when `TZ` was not a plain zone name (what was made of it, and why).
    public static func resolve(environment: [String: String], localtime: String = "/etc/localtime") -> (zone: TimeZone, note: String?) {
        guard let raw = environment["TZ"] else { return (system(localtime), nil) }
        var name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.hasPrefix(":") { name.removeFirst() }
        if let range = name.range(of: "zoneinfo/") { name = String(name[range.upperBound...]) }
        if let zone = TimeZone(identifier: name) {
            return (zone, name == raw ? nil : "TZ='\(raw)' is read as the zone \(zone.identifier)")
        }
        if name.isEmpty || name == "UTC0" || name == "GMT0" {
            return (TimeZone(identifier: "UTC")!, name.isEmpty ? nil : "TZ='\(raw)' is read as UTC")
        }
        let zone = system(localtime)
        return (zone, "TZ='\(raw)' is not a zone name Skylt can read (a POSIX rule, or a zone it does not know); "
                    + "using /etc/localtime's \(zone.identifier) instead: set TZ to a name such as Europe/Stockholm")
    }

    /// The zone /etc/localtime names (a link into zoneinfo), else UTC.
    private static func system(_ localtime: String) -> TimeZone {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: localtime),
           let range = target.range(of: "zoneinfo/"), let zone = TimeZone(identifier: String(target[range.upperBound...])) {
            return zone
        }
        return TimeZone(identifier: "UTC")!
    }
}
