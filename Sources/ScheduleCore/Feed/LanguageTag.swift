import Foundation

/// The language a session is held in, as a BCP 47 tag: a 2–3 letter primary language and
/// optional subtags ("sv", "en", "de-CH", "sr-Latn"), kept with the primary language in lower
/// case. Full names ("English") are not tags.
public enum LanguageTag {
    /// The tag in canonical form, or nil when `text` is not one.
    public static func canonical(_ text: String) -> String? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter }),
              parts.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }) else {
            return nil
        }
        return ([primary.lowercased()] + parts.dropFirst().map(String.init)).joined(separator: "-")
    }

    /// The tags of a list ("de, en", "en/de"; one tag is a list of one), in canonical form, the
    /// same language once; nil when any part is not a tag.
    public static func list(_ text: String) -> [String]? {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == "/" || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.isEmpty, parts.count <= 8 else { return nil }
        var tags: [String] = []
        for part in parts {
            guard let tag = canonical(part) else { return nil }
            if !tags.contains(where: { primary($0) == primary(tag) }) { tags.append(tag) }
        }
        return tags
    }

    /// The primary language of a tag or locale ("de" for "de-CH", "sv" for "sv_SE").
    public static func primary(_ tag: String) -> String {
        String(tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? Substring(tag)).lowercased()
    }
}
