import Foundation

/// A submitted form with a file (`multipart/form-data`), bounded: at most `maxParts` parts, a
/// part is its name, its file name if any, and its bytes. For the program's upload.
struct MultipartForm: Sendable {
    static let maxParts = 8

    struct Part: Sendable {
        let name: String
        let filename: String?
        let bytes: [UInt8]
    }

    private let parts: [Part]

    /// The parts of `body` sent with `contentType` (which names the boundary), or nil when it
    /// is not such a form.
    init?(_ body: [UInt8], contentType: String) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
              let range = contentType.range(of: "boundary=", options: .caseInsensitive) else { return nil }
        let boundary = contentType[range.upperBound...].split(separator: ";").first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) } ?? ""
        guard (1...70).contains(boundary.utf8.count) else { return nil }
        let delimiter = Array("\r\n--\(boundary)".utf8)
        // The body begins with the delimiter without its CRLF.
        let bytes = [0x0D, 0x0A] + body
        var parts: [Part] = []
        guard var start = Self.find(delimiter, in: bytes, from: 0) else { return nil }
        while parts.count <= Self.maxParts {
            let after = start + delimiter.count
            guard after + 2 <= bytes.count else { return nil }
            if bytes[after] == 0x2D, bytes[after + 1] == 0x2D { break }  // "--": the end
            guard let headEnd = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: bytes, from: after),
                  let next = Self.find(delimiter, in: bytes, from: headEnd + 4) else { return nil }
            let head = String(decoding: bytes[after..<headEnd], as: UTF8.self)
            guard let disposition = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                  let name = Self.parameter("name", in: String(disposition)) else { return nil }
            parts.append(Part(name: name, filename: Self.parameter("filename", in: String(disposition)), bytes: Array(bytes[(headEnd + 4)..<next])))
            start = next
        }
        guard parts.count <= Self.maxParts else { return nil }
        self.parts = parts
    }

    /// The first part named `name`.
    subscript(_ name: String) -> Part? { parts.first { $0.name == name } }

    private static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == key { return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count, from <= haystack.count - needle.count else { return nil }
        var index = from
        let first = needle[0]
        while index <= haystack.count - needle.count {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
