import CSDL2
import CSDL2TTF
import Foundation
import SignLayout

/// The theme's fonts opened at the sizes layouts ask for, and text measured with them.
/// Owns every `TTF_Font` it opens and closes them in `deinit`.
public final class FontBook: TextMeasurer {
    private let files: [FontWeight: String]
    /// Kept alive by every font book: SDL_ttf must outlive the fonts it opened.
    private let library: SDLLibrary
    private var fonts: [FontKey: OpaquePointer] = [:]
    private var widths: [WidthKey: Int] = [:]

    struct FontKey: Hashable {
        let weight: FontWeight
        let size: Int
    }

    struct WidthKey: Hashable {
        let text: String
        let weight: FontWeight
        let size: Int
    }

    /// Finds the theme's font files.
    /// - Parameter library: SDL_ttf, kept alive until the last font is closed.
    /// - Throws: when a font file cannot be found, naming what to install.
    public init(theme: Theme, library: SDLLibrary, searchPaths: [String] = FontLocator.defaultSearchPaths) throws {
        self.library = library
        var files: [FontWeight: String] = [:]
        for (weight, names) in [(FontWeight.regular, theme.fonts.regular), (.bold, theme.fonts.bold)] {
            guard let path = FontLocator.find(names, in: searchPaths) else {
                throw SDLError("finding fonts", message: "none of \(names.joined(separator: ", ")) was found (install fonts-dejavu-core, or name a font file in the theme)")
            }
            files[weight] = path
        }
        self.files = files
    }

    deinit {
        for font in fonts.values { TTF_CloseFont(font) }
    }

    /// The path of the font file used for a weight.
    public func file(for weight: FontWeight) -> String { files[weight] ?? "" }

    /// The font at a size, opened on first use.
    func font(_ weight: FontWeight, _ size: Int) -> OpaquePointer? {
        let key = FontKey(weight: weight, size: max(1, size))
        if let font = fonts[key] { return font }
        guard let path = files[weight], let font = TTF_OpenFont(path, Int32(key.size)) else { return nil }
        TTF_SetFontHinting(font, TTF_HINTING_LIGHT)
        fonts[key] = font
        return font
    }

    public func width(of text: String, weight: FontWeight, size: Int) -> Int {
        let key = WidthKey(text: text, weight: weight, size: size)
        if let width = widths[key] { return width }
        var width: Int32 = 0, height: Int32 = 0
        if let font = font(weight, size), !text.isEmpty {
            TTF_SizeUTF8(font, text, &width, &height)
        }
        // Bounded: a feed edited all day brings new titles; old measurements are cheap to redo.
        if widths.count >= 4096 { widths.removeAll(keepingCapacity: true) }
        widths[key] = Int(width)
        return Int(width)
    }

    public func lineHeight(weight: FontWeight, size: Int) -> Int {
        guard let font = font(weight, size) else { return size }
        return Int(TTF_FontLineSkip(font))
    }
}

/// Finds font files by name in the usual places, falling back to fontconfig's `fc-match`.
public enum FontLocator {
    public static let defaultSearchPaths = [
        "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype", "/usr/share/fonts", "/usr/local/share/fonts",
    ]

    /// The first of `names` that exists: an absolute path, a file in a search folder (or one
    /// level below), or what fontconfig matches for it.
    public static func find(_ names: [String], in searchPaths: [String]) -> String? {
        let fileManager = FileManager.default
        for name in names {
            if name.hasPrefix("/") {
                if fileManager.isReadableFile(atPath: name) { return name }
                continue
            }
            for folder in searchPaths {
                let direct = folder + "/" + name
                if fileManager.isReadableFile(atPath: direct) { return direct }
                for sub in (try? fileManager.contentsOfDirectory(atPath: folder)) ?? [] {
                    let nested = folder + "/" + sub + "/" + name
                    if fileManager.isReadableFile(atPath: nested) { return nested }
                }
            }
        }
        for name in names where !name.hasPrefix("/") {
            if let path = fontconfigMatch(name) { return path }
        }
        return nil
    }

    private static func fontconfigMatch(_ name: String) -> String? {
        let family = (name as NSString).deletingPathExtension
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/fc-match")
        process.arguments = ["-f", "%{file}", family]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self)
        return process.terminationStatus == 0 && path.hasPrefix("/") && FileManager.default.isReadableFile(atPath: path) ? path : nil
    }
}
