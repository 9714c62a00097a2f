import CZlib

/// Decompresses a gzip (or zlib) body as it arrives, through zlib, and stops the moment the
/// output would pass `maxBytes`: a 1 MB gzip of 1 GB of zeros costs at most `maxBytes` and a
/// 64 KiB buffer, never the gigabyte. Concatenated gzip members are read one after another.
public final class GzipDecoder {
    /// Why a body cannot be decompressed.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The output would pass `maxBytes`.
        case tooLarge(maxBytes: Int)
        /// zlib refused the data (its reason).
        case corrupt(String)
        /// The body ended inside the compressed stream.
        case truncated

        public var description: String {
            switch self {
            case .tooLarge(let maxBytes): CurlTransfer.tooLarge(maxBytes) + " once decompressed"
            case .corrupt(let reason): "the gzip body is corrupt (\(reason))"
            case .truncated: "the gzip body is cut short"
            }
        }
    }

    public let maxBytes: Int
    /// What was decompressed so far.
    public private(set) var output: [UInt8] = []
    // zlib's state points back at its stream, so the stream must never move: it lives on the heap.
    private let stream: UnsafeMutablePointer<z_stream>
    private var atEndOfMember = false
    private var failure: Failure?
    private static let chunk = 64 * 1024

    public init(maxBytes: Int) throws(Failure) {
        self.maxBytes = maxBytes
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard skylt_inflate_init(stream) == Z_OK else {
            stream.deallocate()
            throw .corrupt("zlib could not start")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Decompresses the next piece of the body.
    public func append(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
        if let failure { throw failure }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var offset = 0
        var buffer = [UInt8](repeating: 0, count: Self.chunk)
        while offset < bytes.count {
            if atEndOfMember {
                guard bytes[offset] == 0x1F else { try fail(.corrupt("data after the end of the stream")) }  // Another member, or junk.
                inflateReset(stream)
                atEndOfMember = false
            }
            let take = min(bytes.count - offset, Int(UInt32.max))
            stream.pointee.next_in = UnsafeMutablePointer(mutating: base.advanced(by: offset).assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(take)
            var result: Int32 = Z_OK
            repeat {
                let produced = buffer.withUnsafeMutableBufferPointer { out -> Int in
                    stream.pointee.next_out = out.baseAddress
                    stream.pointee.avail_out = uInt(Self.chunk)
                    result = inflate(stream, Z_NO_FLUSH)
                    return Self.chunk - Int(stream.pointee.avail_out)
                }
                guard result == Z_OK || result == Z_STREAM_END || result == Z_BUF_ERROR else {
                    let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(result)"
                    try fail(.corrupt(reason))
                }
                guard output.count + produced <= maxBytes else { try fail(.tooLarge(maxBytes: maxBytes)) }
                output.append(contentsOf: buffer[0..<produced])
            } while result == Z_OK && (stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0)
            offset += take - Int(stream.pointee.avail_in)
            stream.pointee.next_in = nil
            stream.pointee.avail_in = 0
            if result == Z_STREAM_END { atEndOfMember = true } else if result == Z_BUF_ERROR { break }
        }
    }

    /// The whole decompressed body, once the compressed one has ended.
    public func finish() throws(Failure) -> [UInt8] {
        if let failure { throw failure }
        guard atEndOfMember else { throw .truncated }
        return output
    }

    private func fail(_ failure: Failure) throws(Failure) -> Never {
        self.failure = failure
        output = []
        throw failure
    }
}
