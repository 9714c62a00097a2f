/// Measures text as the drawing backend will draw it, so that layout can wrap and shorten
/// text without knowing about fonts files or SDL.
public protocol TextMeasurer {
    /// Width in pixels of `text` on one line.
    func width(of text: String, weight: FontWeight, size: Int) -> Int
    /// Distance between baselines of consecutive lines.
    func lineHeight(weight: FontWeight, size: Int) -> Int
}

/// Word wrapping, hyphenation and ellipsis, by whole characters (never half a glyph). A word
/// is only ever broken with a hyphen shown: at a point the hyphenator (a dictionary for the
/// text's language) gives, after a hyphen it already has, or, for a word longer than a whole
/// line with no point that fits, wherever it must.
public struct TextFitter {
    public let measurer: any TextMeasurer
    public let hyphenator: any Hyphenator

    public init(measurer: any TextMeasurer, hyphenator: any Hyphenator = NoHyphenation()) {
        self.measurer = measurer
        self.hyphenator = hyphenator
    }

    /// Letters of a word asked of the dictionary at once, and how far from a window's cut edges
    /// its points are kept (patterns are a few letters long; libhyphen takes words to 200 bytes).
    static let hyphenationWindow = 64
    static let hyphenationMargin = 12

    /// Longer texts are cut before fitting: no screen shows more, and fitting is quadratic in
    /// a single overlong word.
    public static let maxCharacters = 1000

    /// How a text was fitted.
    public struct Fitted: Equatable {
        public var lines: [String]
        /// Cut short, the last line ending in "…".
        public var truncated = false
        /// A word was broken (with a hyphen).
        public var brokeWord = false
        /// Whole: every word unbroken and nothing cut.
        public var isWhole: Bool { !truncated && !brokeWord }
    }

    /// Breaks `text` into at most `maxLines` lines no wider than `width`; if it does not fit,
    /// the last line ends in "…".
    /// - Parameters:
    ///   - language: the text's language, for the hyphenator (nil: no dictionary).
    ///   - hyphenateLineEnds: break a word at the end of any line where a piece of it fits
    ///     (fuller lines, for a title that must fit); otherwise only words too long for a line
    ///     of their own are broken.
    public func fit(_ text: String, weight: FontWeight, size: Int, width: Int, maxLines: Int, language: String? = nil,
                    hyphenateLineEnds: Bool = false) -> Fitted {
        guard maxLines > 0, width > 0 else { return Fitted(lines: [], truncated: !text.isEmpty) }
        let text = String(text.prefix(Self.maxCharacters))  // O(limit), not O(length of the text).
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        var result = Fitted(lines: [])
        var current = ""
        var index = 0
        // The rest of a word broken at a line's end keeps the points of the whole word: a piece
        // asked of the dictionary on its own gets points that are not the word's ("gesellsch-aft").
        var carried: (index: Int, points: [Int])?
        while index < words.count {
            let word = words[index]
            let candidate = current.isEmpty ? word : current + " " + word
            if fits(candidate, weight, size, width) {
                current = candidate
                index += 1
                continue
            }
            let prefix = current.isEmpty ? "" : current + " "
            let points = carried?.index == index ? carried!.points : breakPoints(Array(word), language: language)
            if hyphenateLineEnds || !fits(word, weight, size, width),
               let (head, tail, point) = hyphenated(word, points: points, after: prefix, weight, size, width) {
                result.lines.append(prefix + head)
                words[index] = tail
                carried = (index, points.filter { $0 > point }.map { $0 - point })
                current = ""
                result.brokeWord = true
            } else if current.isEmpty {
                // Longer than a line, with no point that fits: broken where it must be, hyphen shown.
                let (head, tail) = splitToFit(word, weight, size, width)
                result.lines.append(head)
                if tail.isEmpty {
                    index += 1
                } else {
                    let cut = word.count - tail.count
                    words[index] = tail
                    carried = (index, points.filter { $0 > cut }.map { $0 - cut })
                }
                result.brokeWord = result.brokeWord || !tail.isEmpty
            } else {
                result.lines.append(current)
                current = ""
            }
            if result.lines.count == maxLines, index < words.count || !current.isEmpty {
                result.lines = ellipsized(result.lines, weight, size, width)
                result.truncated = true
                return result
            }
        }
        if !current.isEmpty { result.lines.append(current) }
        result.lines = withoutLoneShortWord(result.lines, weight, size, width)
        return result
    }

    /// A last line of one or two letters alone ("Workshop room / Ö") takes the word before it
    /// along, where that fits ("Workshop / room Ö").
    private func withoutLoneShortWord(_ lines: [String], _ weight: FontWeight, _ size: Int, _ width: Int) -> [String] {
        guard lines.count >= 2, let last = lines.last, last.count <= 2, !last.contains(" ") else { return lines }
        var previous = lines[lines.count - 2]
        guard let space = previous.lastIndex(of: " ") else { return lines }
        let moved = String(previous[previous.index(after: space)...])
        guard !moved.hasSuffix("-"), fits(moved + " " + last, weight, size, width) else { return lines }
        previous = String(previous[..<space])
        var result = lines
        result[result.count - 2] = previous
        result[result.count - 1] = moved + " " + last
        return result
    }

    /// `fit(…).lines`, breaking only words too long for a line.
    public func lines(_ text: String, weight: FontWeight, size: Int, width: Int, maxLines: Int, language: String? = nil) -> [String] {
        fit(text, weight: weight, size: size, width: width, maxLines: maxLines, language: language).lines
    }

    /// One line: the text, shortened with "…" if too wide.
    public func line(_ text: String, weight: FontWeight, size: Int, width: Int) -> String {
        lines(text, weight: weight, size: size, width: width, maxLines: 1).first ?? ""
    }

    // MARK: - Helpers

    private func fits(_ text: String, _ weight: FontWeight, _ size: Int, _ width: Int) -> Bool {
        measurer.width(of: text, weight: weight, size: size) <= width
    }

    /// The longest head of `word` that, with its hyphen, fits after `prefix` on one line, the
    /// rest, and the point: broken after a hyphen the word has, or at a dictionary point
    /// (`points`, the word's). Nil when none fits.
    private func hyphenated(_ word: String, points: [Int], after prefix: String, _ weight: FontWeight, _ size: Int, _ width: Int)
        -> (head: String, tail: String, point: Int)? {
        let characters = Array(word)
        for point in points.reversed() where point > 0 && point < characters.count {
            let head = String(characters[..<point])
            let shown = head.hasSuffix("-") || head.hasSuffix("‐") ? head : head + "-"
            if fits(prefix + shown, weight, size, width) { return (shown, String(characters[point...]), point) }
        }
        return nil
    }

    /// Offsets where `word` may break: after each hyphen inside it, and the dictionary's
    /// points in each run of letters (punctuation around a word is not sent to the dictionary).
    private func breakPoints(_ word: [Character], language: String?) -> [Int] {
        var points: [Int] = []
        var runStart: Int?
        func endRun(at end: Int) {
            defer { runStart = nil }
            guard let start = runStart, let language, end - start >= 5 else { return }
            // A run longer than a dictionary takes whole is asked in overlapping windows; a
            // hyphenation pattern spans a few letters, so each window's points away from its cut
            // edges are the word's own.
            var window = start
            while window < end {
                let windowEnd = min(end, window + Self.hyphenationWindow)
                let keepFrom = window == start ? start : window + Self.hyphenationMargin
                let keepTo = windowEnd == end ? end : windowEnd - Self.hyphenationMargin
                points += hyphenator.hyphenationPoints(of: String(word[window..<windowEnd]), language: language)
                    .map { $0 + window }.filter { $0 > start && $0 < end && $0 >= keepFrom && $0 < keepTo }
                guard windowEnd < end else { break }
                window += Self.hyphenationWindow - 2 * Self.hyphenationMargin
            }
        }
        for (offset, character) in word.enumerated() {
            if character.isLetter {
                if runStart == nil { runStart = offset }
                continue
            }
            endRun(at: offset)
            // After a hyphen between letters or digits, never leaving a lone letter on either side.
            if character == "-" || character == "‐", offset >= 2, offset + 3 < word.count { points.append(offset + 1) }
        }
        endRun(at: word.count)
        return points.sorted()
    }

    /// The longest head of `word` that fits with a hyphen after it, and the rest.
    private func splitToFit(_ word: String, _ weight: FontWeight, _ size: Int, _ width: Int) -> (String, String) {
        var head = ""
        for (offset, character) in word.enumerated() {
            let candidate = head + String(character)
            if !head.isEmpty, !fits(candidate + "-", weight, size, width) {
                return (head + "-", String(word.dropFirst(offset)))
            }
            head = candidate
        }
        return (head, "")
    }

    /// The lines with the last one cut to end in "…": after its last whole word that leaves
    /// room (never inside a word, nor after a word's broken head), or, for a line of one word
    /// too long for it, where the line ends.
    private func ellipsized(_ lines: [String], _ weight: FontWeight, _ size: Int, _ width: Int) -> [String] {
        guard var last = lines.last else { return lines }
        var result = lines
        var words = last.split(separator: " ").map(String.init)
        while words.count > 1, !fits(words.joined(separator: " ").trimmingTrailingSpaces + "…", weight, size, width) || words.last?.hasSuffix("-") == true {
            words.removeLast()
        }
        last = words.joined(separator: " ")
        while !last.isEmpty, !fits(last.trimmingTrailingSpaces + "…", weight, size, width) {
            last.removeLast()
        }
        result[result.count - 1] = last.trimmingTrailingSpaces + "…"
        return result
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " || text.last == "," || text.last == "–" || text.last == "-" { text.removeLast() }
        return text
    }
}
