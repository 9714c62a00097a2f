import CQRencode

/// A QR code's modules, encoded by libqrencode (error correction M: a screen can be smudged
/// or partly glared and still scan). libqrencode's `QRcode` is copied out and freed at once.
struct QRCode: Equatable {
    /// Modules on a side (without the quiet zone).
    let size: Int
    /// Row by row, true for a dark module.
    let modules: [Bool]

    /// Nil when the text does not fit a QR code (over 2,331 bytes at level M) or is empty.
    init?(_ text: String) {
        guard !text.isEmpty, let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { return nil }
        size = width
        // Bit 0 of each byte is the module's colour; the other bits say what part of the code it is.
        modules = (0..<width * width).map { data[$0] & 1 == 1 }
    }

    /// Whether the module at (column, row) is dark.
    func isDark(_ column: Int, _ row: Int) -> Bool { modules[row * size + column] }

    /// Modules on a side with the quiet zone of four a side that readers need.
    var sizeWithQuietZone: Int { size + 8 }
}
