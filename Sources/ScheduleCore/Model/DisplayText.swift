/// What a text shown on a screen may cost to lay out. Layout measures text with the font for
/// every size it tries, so its time grows with the code points, not with the characters a
/// person counts: one letter may carry hundreds of combining marks ("Zalgo" text) and still
/// count as one. Texts past these bounds are refused where they are read (the feed, the live
/// file), with a located error, so that no accepted text can stall a frame. (The layout cuts a
/// long text of ordinary characters quickly, whatever its length: a feed's titles are bounded
/// per character only; the live file's short texts in characters and code points too.)
public enum DisplayText {
    /// Code points in one character (a letter with its marks, an emoji sequence): the longest
    /// emoji sequences have 10 or so, real scripts stack at most 4 or 5 marks.
    public static let maxCodePointsPerCharacter = 16
    /// Code points per character allowed on average over a whole text.
    public static let codePointsPerCharacter = 4

    /// Why `text` is refused for a field of at most `maxCharacters` characters (nil: any
    /// length); nil when it is fine.
    public static func problem(_ text: String, maxCharacters: Int?) -> String? {
        var characters = 0
        var codePoints = 0
        for character in text {
            let scalars = character.unicodeScalars.count
            if scalars > maxCodePointsPerCharacter {
                return "character \(characters + 1) carries \(scalars) code points (combining marks?); at most \(maxCodePointsPerCharacter) "
                    + "make one character on a screen"
            }
            characters += 1
            codePoints += scalars
            if let maxCharacters, characters > maxCharacters {
                return "\(FeedLimits.grouped(text.count)) characters; at most \(FeedLimits.grouped(maxCharacters)) fit on a screen"
            }
        }
        guard let maxCharacters else { return nil }
        let maxCodePoints = maxCharacters * codePointsPerCharacter
        if codePoints > maxCodePoints {
            return "\(FeedLimits.grouped(codePoints)) code points; at most \(FeedLimits.grouped(maxCodePoints)) (combining marks count)"
        }
        return nil
    }

    /// The text without control characters, which fonts draw as boxes (ESC, BEL, a Latin-1
    /// export's 0x9B read as U+009B): C0 controls but tab, line feed and carriage return, DEL,
    /// and the C1 range. Every text of the model goes through this where it is made, so no
    /// reader, screen or `convert` ever meets one.
    public static func withoutControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isDroppedControl) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isDroppedControl($0) })
        return String(scalars)
    }

    private static func isDroppedControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
