/// Measures text as the drawing backend will draw it, so that layout can wrap and shorten
/// text without knowing about fonts files or SDL.
public protocol TextMeasurer {
    /// Width in pixels of `text` on one line.
    func width(of text: String, weight: FontWeight, size: Int) -> Int
    /// Distance between baselines of consecutive lines.
    func lineHeight(weight: FontWeight, size: Int) -> Int
}

/// Word wrapping and ellipsis, by whole characters (never half a glyph).
public struct TextFitter {
    public let measurer: any TextMeasurer

    public init(measurer: any TextMeasurer) {
        self.measurer = measurer
    }

    /// Breaks `text` into at most `maxLines` lines no wider than `width`; if it does not fit,
    /// the last line ends in "…".
    /// Longer texts are cut before fitting: no screen shows more, and fitting is quadratic in
    /// a single overlong word.
    public static let maxCharacters = 1000

    public func lines(_ text: String, weight: FontWeight, size: Int, width: Int, maxLines: Int) -> [String] {
        guard maxLines > 0, width > 0 else { return [] }
        let text = String(text.prefix(Self.maxCharacters))  // O(limit), not O(length of the text).
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        var lines: [String] = []
        var current = ""
        var index = 0
        while index < words.count {
            let word = words[index]
            let candidate = current.isEmpty ? word : current + " " + word
            if fits(candidate, weight, size, width) {
                current = candidate
                index += 1
                continue
            }
            if current.isEmpty {
                // A single word wider than the line: break it by characters.
                let (head, tail) = splitToFit(word, weight, size, width)
                lines.append(head)
                if tail.isEmpty { index += 1 } else { words[index] = tail }
            } else {
                lines.append(current)
                current = ""
            }
            if lines.count == maxLines, index < words.count || !current.isEmpty {
                return ellipsized(lines, weight, size, width)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// One line: the text, shortened with "…" if too wide.
    public func line(_ text: String, weight: FontWeight, size: Int, width: Int) -> String {
        lines(text, weight: weight, size: size, width: width, maxLines: 1).first ?? ""
    }

    // MARK: - Helpers

    private func fits(_ text: String, _ weight: FontWeight, _ size: Int, _ width: Int) -> Bool {
        measurer.width(of: text, weight: weight, size: size) <= width
    }

    private func splitToFit(_ word: String, _ weight: FontWeight, _ size: Int, _ width: Int) -> (String, String) {
        var head = ""
        for (offset, character) in word.enumerated() {
            let candidate = head + String(character)
            if !head.isEmpty, !fits(candidate, weight, size, width) {
                return (head, String(word.dropFirst(offset)))
            }
            head = candidate
        }
        return (head, "")
    }

    private func ellipsized(_ lines: [String], _ weight: FontWeight, _ size: Int, _ width: Int) -> [String] {
        guard var last = lines.last else { return lines }
        var result = lines
        while !last.isEmpty, !fits(last + "…", weight, size, width) {
            last.removeLast()
        }
        result[result.count - 1] = last.trimmingTrailingSpaces + "…"
        return result
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " || text.last == "," || text.last == "–" { text.removeLast() }
        return text
    }
}
