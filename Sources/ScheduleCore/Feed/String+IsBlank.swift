extension String {
    /// Empty or only whitespace (checked by scalar, stopping at the first visible one).
    var isBlank: Bool {
        !unicodeScalars.contains { !$0.properties.isWhitespace }
    }
}
