import Foundation

/// Looking up a feed's time-zone name, with what a technician needs to hear when it is not an
/// IANA name: an invisible character pasted in with it, a near miss, or a fixed offset
/// ("UTC+1") that Foundation would quietly accept and that never changes for daylight saving.
enum ZoneName {
    enum Result {
        /// An IANA zone (or UTC itself).
        case zone(TimeZone)
        /// Readable, but a fixed offset: the warning to give.
        case fixedOffset(TimeZone, warning: String)
        /// Not a zone: the error to give.
        case unknown(String)
    }

    static func lookUp(_ identifier: String) -> Result {
        if let index = identifier.unicodeScalars.firstIndex(where: \.isInvisible) {
            let scalar = identifier.unicodeScalars[index]
            let position = identifier.unicodeScalars.distance(from: identifier.unicodeScalars.startIndex, to: index) + 1
            let visible = String(String.UnicodeScalarView(identifier.unicodeScalars.filter { !$0.isInvisible }))
            let hint = TimeZone(identifier: visible) != nil ? "; without it, \"\(visible)\" is a known zone" : ""
            return .unknown("the time zone \"\(visible)\" contains an invisible character (U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(4))) "
                            + "at character \(position); remove it\(hint)")
        }
        guard let zone = TimeZone(identifier: identifier) else {
            let hint = Spelling.closest(to: identifier, among: TimeZone.knownTimeZoneIdentifiers).map { "; did you mean \"\($0)\"?" }
                ?? " (use an IANA name such as \"Europe/Stockholm\")"
            return .unknown("unknown time zone \"\(identifier)\"\(hint)")
        }
        // Foundation reads a name it does not know as a zone but an offset ("UTC+1", "GMT+01:00")
        // as a fixed zone it calls GMT+0100; tzdata's own names, legacy aliases (US/Eastern, CET)
        // and Etc/GMT-1 included, keep theirs.
        guard Self.isFoundationOffset(zone.identifier) else { return .zone(zone) }
        let offset = OffsetText.format(zone.secondsFromGMT())
        return .fixedOffset(zone, warning: "\"\(identifier)\" is a fixed offset (\(offset)), not a time-zone name: times never change for daylight saving; "
                            + "write an IANA name such as \"Europe/Stockholm\"")
    }
}

extension ObjectFields {
    /// The zone named `identifier` (the value of `key`), its warnings and errors reported at
    /// `key`: a fixed offset is read with a warning; an unknown name is reported with `unknown`
    /// severity (and `note` after the message) and gives nil.
    func zone(named identifier: String, key: String, unknown severity: Diagnostic.Severity, note: String = "") -> TimeZone? {
        switch ZoneName.lookUp(identifier) {
        case .zone(let zone):
            return zone
        case .fixedOffset(let zone, let warning):
            self.warning(warning, key: key, at: offset(of: key))
            return zone
        case .unknown(let problem):
            sink.add(severity, problem + note, path: keyPath(key), sessionID: sessionID, offset: offset(of: key))
            return nil
        }
    }
}

extension ZoneName {
    /// `GMT+0100`, `GMT-0530`: the name Foundation gives a zone it made from an offset.
    static func isFoundationOffset(_ identifier: String) -> Bool {
        let scalars = Array(identifier.unicodeScalars)
        return scalars.count == 8 && identifier.hasPrefix("GMT") && (scalars[3] == "+" || scalars[3] == "-")
            && scalars[4...].allSatisfy { ("0"..."9").contains($0) }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
