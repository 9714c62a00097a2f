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

/// Turns byte offsets into line:column. The line table (and, every 4 KiB, how many characters
/// came before) is built once, on first use, so a feed without diagnostics never pays for it,
/// and each lookup costs a binary search and at most two 4 KiB scans, even on a feed written as
/// one 16 MiB line.
public final class SourceText: @unchecked Sendable {
    // Immutable after init except the tables, which are filled once under no concurrency:
    // a SourceText is only used by the reader that made it.
    public let bytes: [UInt8]
    private var lineStarts: [Int]?
    /// Scalars before byte `k * checkpointStride`, for every k.
    private var scalarCheckpoints: [Int] = []
    private static let checkpointStride = 4096

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
        var column = 1 + scalars(before: offset) - scalars(before: starts[low])
        // Skip a BOM on line 1: editors do not show it.
        if low == 0, offset >= 3, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { column -= 1 }
        return TextPosition(line: low + 1, column: column)
    }

    /// Unicode scalars that start before byte `offset`: every byte that is not a UTF-8
    /// continuation byte starts one.
    private func scalars(before offset: Int) -> Int {
        let checkpoint = offset / Self.checkpointStride
        var count = scalarCheckpoints[checkpoint]
        bytes.withUnsafeBufferPointer { buffer in
            for index in checkpoint * Self.checkpointStride..<offset where buffer[index] & 0xC0 != 0x80 { count += 1 }
        }
        return count
    }

    private func lineTable() -> [Int] {
        if let lineStarts { return lineStarts }
        var starts = [0]
        var checkpoints = [0]
        checkpoints.reserveCapacity(bytes.count / Self.checkpointStride + 1)
        var scalars = 0
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let byte = buffer[index]
                if byte == 0x0A { starts.append(index + 1) }
                if byte & 0xC0 != 0x80 { scalars += 1 }
                if (index + 1) % Self.checkpointStride == 0 { checkpoints.append(scalars) }
            }
        }
        lineStarts = starts
        scalarCheckpoints = checkpoints
        return starts
    }
}
