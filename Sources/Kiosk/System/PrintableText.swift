/// Text from feeds on its way to a terminal or the journal: control characters (an escape
/// sequence in a title could rewrite the technician's screen; a newline would forge a second
/// journal line), C1 controls and bidirectional overrides are written as `\u{1B}`.
public enum PrintableText {
    /// `text` with every control character (but tab, and newline when kept), C1 control and
    /// bidi control written as `\u{XX}`.
    public static func escaped(_ text: String, keepingNewlines: Bool = true) -> String {
        let needsEscape = { (scalar: Unicode.Scalar) in Self.needsEscape(scalar) || !keepingNewlines && scalar == "\n" }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) { result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true  // Bidirectional controls.
        default: false
        }
    }
}
