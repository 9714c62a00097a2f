import Foundation

/// A colour as feeds write it (`#E40429`, `#e40429`, `#F00`), kept as text in the core (which
/// draws nothing): `#RRGGBB`, upper case.
public enum HexColor {
    /// The colour in canonical form, or nil when the text is not `#RGB` or `#RRGGBB`.
    public static func canonical(_ text: String) -> String? {
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        guard digits.hasPrefix("#") else { return nil }
        digits = digits.dropFirst()
        guard digits.count == 3 || digits.count == 6, digits.allSatisfy(\.isHexDigit) else { return nil }
        let full = digits.count == 3 ? digits.map { "\($0)\($0)" }.joined() : String(digits)
        return "#" + full.uppercased()
    }
}
