import Foundation

/// What one libcurl transfer has received so far, with its limits: the callbacks of
/// `HTTPSourceFetcher` land here, and returning fewer bytes than offered makes curl stop at once.
final class CurlTransfer {
    let maxBytes: Int
    let maxHeaderBytes: Int
    /// The last response's headers (after redirects), names in lower case.
    private(set) var headers: [String: String] = [:]
    /// Why the transfer was stopped, when it was stopped by a limit or a bad body.
    private(set) var problem: String?
    private var headerBytes = 0
    private var raw: [UInt8] = []
    private var gzip: GzipDecoder?

    init(maxBytes: Int, maxHeaderBytes: Int) {
        self.maxBytes = maxBytes
        self.maxHeaderBytes = maxHeaderBytes
    }

    /// One header line (curl calls once per line, the status line included).
    func header(_ line: UnsafeRawBufferPointer) -> Int {
        headerBytes += line.count
        guard headerBytes <= maxHeaderBytes else { return stop("the response's headers are over \(maxHeaderBytes / 1024) KiB") }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("HTTP/") {
            headers = [:]  // A new response (after a redirect or a 100 Continue).
        } else if let colon = text.firstIndex(of: ":") {
            headers[text[..<colon].lowercased()] = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return line.count
    }

    /// A piece of the body: decompressed as it arrives when it is gzip, and counted.
    func body(_ piece: UnsafeRawBufferPointer) -> Int {
        switch (headers["content-encoding"] ?? "identity").lowercased() {
        case "identity", "":
            guard raw.count + piece.count <= maxBytes else { return stop(Self.tooLarge(maxBytes)) }
            raw.append(contentsOf: piece)
        case "gzip", "x-gzip":
            do {
                if gzip == nil { gzip = try GzipDecoder(maxBytes: maxBytes) }
                try gzip?.append(piece)
            } catch {
                return stop(error.description)
            }
        case let other:
            return stop("the server compressed the body as \"\(other)\"; Skylt reads gzip")
        }
        return piece.count
    }

    /// Why a body past `maxBytes` is refused (whether curl saw its length up front or counted it).
    static func tooLarge(_ maxBytes: Int) -> String {
        maxBytes >= 1_048_576 ? "the body is over \(maxBytes / 1_048_576) MiB" : "the body is over \(maxBytes) bytes"
    }

    /// The whole body, decompressed.
    func finishBody() throws(GzipDecoder.Failure) -> [UInt8] {
        guard let gzip else { return raw }
        return try gzip.finish()
    }

    private func stop(_ reason: String) -> Int {
        problem = reason
        raw = []
        gzip = nil
        return 0
    }
}
