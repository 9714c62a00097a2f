import CSDL2
import CSDL2TTF
import SignLayout

/// Rendered text, kept between frames so that an unchanged title is never rasterised twice.
/// Entries not drawn in a frame are dropped after it (`sweep()`), so memory stays bounded by
/// what is on screen.
final class TextTextureCache {
    struct Key: Hashable {
        let text: String
        let weight: FontWeight
        let size: Int
        let color: Color
    }

    private var entries: [Key: Texture] = [:]
    private var used: Set<Key> = []
    private(set) var rasterised = 0

    var count: Int { entries.count }

    /// The texture for a text run, rendered on first use with `renderer`.
    func texture(for run: TextRun, fonts: FontBook, renderer: OpaquePointer) -> Texture? {
        let key = Key(text: run.text, weight: run.weight, size: run.size, color: run.color)
        used.insert(key)
        if let texture = entries[key] { return texture }
        guard !run.text.isEmpty, let font = fonts.font(run.weight, run.size) else { return nil }
        let color = SDL_Color(r: run.color.red, g: run.color.green, b: run.color.blue, a: run.color.alpha)
        guard let surface = TTF_RenderUTF8_Blended(font, run.text, color) else { return nil }
        defer { SDL_FreeSurface(surface) }
        guard let handle = SDL_CreateTextureFromSurface(renderer, surface) else { return nil }
        let texture = Texture(handle: handle, width: surface.pointee.w, height: surface.pointee.h)
        entries[key] = texture
        rasterised += 1
        return texture
    }

    /// Marks every text of a frame as in use, drawn this time or not (a partial redraw draws
    /// only some), so that `sweep()` keeps them.
    func keep(_ list: DisplayList) {
        for run in list.texts {
            used.insert(Key(text: run.text, weight: run.weight, size: run.size, color: run.color))
        }
    }

    /// Destroys every texture now (before the renderer that made them goes: SDL_DestroyRenderer
    /// frees its textures, so destroying one afterwards would touch freed memory).
    func removeAll() {
        entries.removeAll()
        used.removeAll()
    }

    /// Drops what the last frame did not use.
    func sweep() {
        entries = entries.filter { used.contains($0.key) }
        used.removeAll(keepingCapacity: true)
    }
}
