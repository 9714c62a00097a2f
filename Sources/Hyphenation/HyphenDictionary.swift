import CHyphen
import Foundation

/// One libhyphen dictionary (`hyph_sv_SE.dic`), loaded once and freed with its owner.
final class HyphenDictionary {
    private let dictionary: UnsafeMutablePointer<HyphenDict>
    /// The dictionary's character set: words are given to libhyphen in it.
    private let encoding: String.Encoding

    /// Nil when the file cannot be read or is not a dictionary.
    init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        let head = handle.readData(ofLength: 64)
        try? handle.close()
        // The first line names the character set: UTF-8, or ISO8859-1 as Debian's sv and de are.
        let firstLine = String(decoding: head.prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        switch firstLine.uppercased() {
        case "UTF-8": encoding = .utf8
        case "ISO8859-1", "ISO-8859-1": encoding = .isoLatin1
        default: return nil
        }
        guard let loaded = hnj_hyphen_load(path) else { return nil }
        dictionary = loaded
    }

    deinit {
        hnj_hyphen_free(dictionary)
    }

    /// Character offsets after which `word` (letters, lower case) may break; the shortest
    /// piece on either side is `leftMin` and `rightMin` characters.
    func points(of word: String, leftMin: Int, rightMin: Int) -> [Int] {
        // A word the dictionary's character set cannot write (Latin-1 and "Łódź") has no points.
        guard let data = word.data(using: encoding), !data.isEmpty, data.count < 200 else { return [] }
        let bytes = [CChar](data.map { CChar(bitPattern: $0) })
        // libhyphen reads the word up to its NUL in places (the hyphen minimums), whatever its length says.
        let word = bytes + [0]
        var hyphens = [CChar](repeating: 0, count: bytes.count + 5)
        var replacements: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var positions: UnsafeMutablePointer<Int32>?
        var cuts: UnsafeMutablePointer<Int32>?
        let failed = hnj_hyphen_hyphenate3(dictionary, word, Int32(bytes.count), &hyphens, nil, &replacements, &positions, &cuts,
                                           Int32(leftMin), Int32(rightMin), Int32(leftMin), Int32(rightMin))
        defer {
            // Non-standard breaks ("tugg-gummi") come with replacements we do not use; libhyphen allocated them.
            if let replacements {
                for index in 0..<bytes.count { free(replacements[index]) }
                free(replacements)
            }
            free(positions)
            free(cuts)
        }
        guard failed == 0 else { return [] }
        // hyphens[i] odd: a break after byte i. Bytes → characters (UTF-8 continuation bytes
        // belong to the character before; Latin-1 is one byte a character).
        var points: [Int] = []
        var characters = 0
        for index in 0..<bytes.count {
            let byte = UInt8(bitPattern: bytes[index])
            let endsCharacter = encoding != .utf8 || index + 1 == bytes.count || UInt8(bitPattern: bytes[index + 1]) & 0xC0 != 0x80
            if encoding != .utf8 || byte & 0xC0 != 0x80 { characters += 1 }
            let nonStandard = replacements?[index] != nil
            if endsCharacter, hyphens[index] & 1 == 1, !nonStandard, characters < word.count { points.append(characters) }
        }
        return points
    }
}
