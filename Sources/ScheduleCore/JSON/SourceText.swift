/// A line and column in a source file, both counted from 1. Columns count characters
/// (Unicode scalars), not bytes, so they match what an editor shows.
public struct TextPosition: Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// Turns byte offsets into line:column. The line table is built once, on first use, so a
/// feed without diagnostics never pays for it.
public final class SourceText: @unchecked Sendable {
    // Immutable after init except `lineStarts`, which is filled once under no concurrency:
    // a SourceText is only used by the reader that made it.
    public let bytes: [UInt8]
    private var lineStarts: [Int]?

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The location of the byte at `offset` (clamped to the text).
    public func location(ofOffset offset: Int) -> TextPosition {
        let starts = lineTable()
        let offset = max(0, min(offset, bytes.count))
        // Last line start <= offset.
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var index = starts[low]
        while index < offset {
            // Count scalars: every byte that is not a UTF-8 continuation byte starts one.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        // Skip a BOM on line 1: editors do not show it.
        if low == 0, offset >= 3, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { column -= 1 }
        return TextPosition(line: low + 1, column: column)
    }

    private func lineTable() -> [Int] {
        if let lineStarts { return lineStarts }
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index] == 0x0A { starts.append(index + 1) }
        }
        lineStarts = starts
        return starts
    }
}
