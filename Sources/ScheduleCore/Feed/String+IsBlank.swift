extension String {
    /// Empty, or nothing a reader can see: white space, and the characters that draw nothing —
    /// format characters (zero-width space and joiners, soft hyphen, bidi marks, BOM), the
    /// blank Braille pattern, the Hangul fillers. Checked by scalar, stopping at the first visible one.
    var isBlank: Bool {
        !unicodeScalars.contains { !$0.isInvisible }
    }
}

extension Unicode.Scalar {
    /// Draws nothing on a sign.
    var isInvisible: Bool {
        if value < 0x80 { return value <= 0x20 || value == 0x7F }  // ASCII: spaces and controls; most text stops here.
        if properties.isWhitespace || properties.generalCategory == .format || properties.generalCategory == .control { return true }
        switch value {
        case 0x2800, 0x3164, 0x115F, 0x1160, 0xFFA0, 0x034F, 0x180E: return true  // Braille blank, Hangul fillers, CGJ, Mongolian vowel separator.
        default: return properties.isDefaultIgnorableCodePoint
        }
    }
}
