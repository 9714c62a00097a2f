import Foundation
import SignLayout

/// Hyphenation points from libhyphen with Debian's dictionaries (`hyphen-sv`, `hyphen-en-us`,
/// `hyphen-de`, any other `hyph_*.dic` in the folder). A language is looked up as
/// `hyph_ll_CC.dic`, then `hyph_ll.dic`, then any `hyph_ll_*.dic` ("sv" finds hyph_sv_SE.dic);
/// dictionaries are loaded on first use and kept. Breaks leave at least two letters before
/// and three after, so no line ends in a lone letter and no fragment is unreadable from afar.
///
/// Loading costs differ a lot: Swedish and English take milliseconds, Debian's German (77,000
/// patterns) about 5 s and 36 MB on a desktop core. A kiosk therefore loads in the background
/// (`.background`): until a dictionary is in, its words break only at their own hyphens, and
/// `onLoaded` asks for a new frame. `skylt render` waits (`.immediate`).
/// Safe to call from any thread.
public final class LibHyphenator: Hyphenator, @unchecked Sendable {
    /// Where Debian installs the dictionaries.
    public static let debianFolder = "/usr/share/hyphen"

    /// When a dictionary not yet loaded is asked for.
    public enum Loading: Sendable {
        /// Load it there and then (the caller waits).
        case immediate
        /// Load it on another thread and answer without it meanwhile; `onLoaded` is called after.
        case background(onLoaded: @Sendable () -> Void)
    }

    private let folder: String
    private let loading: Loading
    private let lock = NSLock()
    /// By dictionary key ("sv", "de_CH"): loaded, or known to be missing (nil inside).
    private var dictionaries: [String: HyphenDictionary?] = [:]
    /// By the file's real path: "sv" and "sv-SE", "de" and "de-CH" (a symbolic link in Debian)
    /// share one dictionary, loaded once (German's costs seconds and 32 MB).
    private var byFile: [String: HyphenDictionary] = [:]
    private var loadingKeys: Set<String> = []
    private var remembered: [String: [Int]] = [:]
    private static let rememberedLimit = 4096
    /// Loads under way on other threads.
    private let loads = DispatchGroup()

    public init(folder: String = LibHyphenator.debianFolder, loading: Loading = .immediate) {
        self.folder = folder
        self.loading = loading
    }

    /// Waits up to `timeout` for dictionaries being loaded in the background; returns whether
    /// none is still loading. A kiosk that stops lets a load finish rather than exit in the
    /// middle of reading a file (German's takes seconds: the wait is bounded).
    @discardableResult
    public func waitForLoads(timeout: Duration) -> Bool {
        let milliseconds = Int(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        return loads.wait(timeout: .now() + .milliseconds(max(0, milliseconds))) == .success
    }

    /// The dictionary files loaded so far, by their real paths (for logs and tests).
    public var loadedFiles: Set<String> { lock.withLock { Set(byFile.keys) } }

    /// Whether a dictionary for `language` is installed (loading it now if need be).
    public func hasDictionary(for language: String) -> Bool {
        guard let key = Self.key(for: language) else { return false }
        return lock.withLock { dictionaries[key] } ?? load(key) != nil
    }

    public func hyphenationPoints(of word: String, language: String) -> [Int] {
        guard word.count >= 5, let key = Self.key(for: language) else { return [] }
        let lower = word.lowercased()
        // Lower-casing must keep the characters one for one, or the offsets would not match.
        guard lower.count == word.count else { return [] }
        let memo = key + "\u{1}" + lower
        enum State { case known([Int]), ready(HyphenDictionary?), absent }
        let state: State = lock.withLock {
            if let known = remembered[memo] { return .known(known) }
            if let dictionary = dictionaries[key] { return .ready(dictionary) }
            return .absent
        }
        let dictionary: HyphenDictionary?
        switch state {
        case .known(let points):
            return points
        case .ready(let ready):
            dictionary = ready
        case .absent:
            switch loading {
            case .immediate:
                dictionary = load(key)
            case .background(let onLoaded):
                let start = lock.withLock { loadingKeys.insert(key).inserted }
                if start {
                    loads.enter()
                    DispatchQueue.global(qos: .utility).async { [self] in
                        _ = load(key)
                        onLoaded()
                        loads.leave()
                    }
                }
                return []  // Not remembered: the dictionary's answer replaces it once loaded.
            }
        }
        let points = dictionary?.points(of: lower, leftMin: 2, rightMin: 3) ?? []
        lock.withLock {
            if remembered.count >= Self.rememberedLimit { remembered.removeAll(keepingCapacity: true) }
            remembered[memo] = points
        }
        return points
    }

    /// "sv", "de_CH": the primary language and a region, if the tag has one.
    private static func key(for language: String) -> String? {
        let parts = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        let region = parts.dropFirst().first { $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isLetter } }?.uppercased()
        return first.lowercased() + (region.map { "_" + $0 } ?? "")
    }

    /// Loads (outside the lock: German takes seconds) and records the dictionary for `key`.
    private func load(_ key: String) -> HyphenDictionary? {
        let parts = key.split(separator: "_").map(String.init)
        let primary = parts[0]
        var names: [String] = []
        if parts.count > 1 { names.append("hyph_\(key).dic") }
        names.append("hyph_\(primary).dic")
        // Then any region, the language's home first (hyph_sv_SE before hyph_sv_FI).
        let home = "hyph_\(primary)_\(primary.uppercased()).dic"
        names += ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix("hyph_\(primary)_") && $0.hasSuffix(".dic") }
            .sorted { ($0 == home ? 0 : 1, $0) < ($1 == home ? 0 : 1, $1) }
        var loaded: HyphenDictionary?
        for name in names {
            let path = URL(fileURLWithPath: folder + "/" + name).resolvingSymlinksInPath().path
            guard FileManager.default.isReadableFile(atPath: path) else { continue }
            if let known = lock.withLock({ byFile[path] }) {
                loaded = known
                break
            }
            if let dictionary = HyphenDictionary(path: path) {
                loaded = lock.withLock {
                    if byFile[path] == nil { byFile[path] = dictionary }
                    return byFile[path]
                }
                break
            }
        }
        lock.withLock {
            if dictionaries[key] == nil { dictionaries[key] = .some(loaded) }
            loadingKeys.remove(key)
        }
        return lock.withLock { dictionaries[key] ?? nil }
    }
}
