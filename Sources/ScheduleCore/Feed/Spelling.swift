/// Finds a likely intended word for a misspelt one.
public enum Spelling {
    /// The candidate within a small edit distance (case-insensitive), if any.
    public static func closest(to word: String, among candidates: some Collection<String>) -> String? {
        let lower = Array(word.lowercased().unicodeScalars)
        guard lower.count <= 64 else { return nil }
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lower, Array(candidate.lowercased().unicodeScalars))
            let limit = max(1, min(3, (candidate.count + 2) / 3))
            if distance <= limit, best.map({ distance < $0.1 }) ?? true {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
