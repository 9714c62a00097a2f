import CSDL2
import Foundation
import ScheduleCore
import SignLayout

/// Draws display lists into an in-memory ARGB surface with SDL's software renderer: no
/// display, no GPU, no X server. The same pixels go to a PNG file or to a window.
public final class SoftwareCanvas {
    public let width: Int
    public let height: Int
    package let surface: Surface
    let renderer: OpaquePointer
    let fonts: FontBook
    let cache = TextTextureCache()
    /// The QR code drawn last, and its text.
    private var lastQRCode: (text: String, code: QRCode)?

    /// Number of texts rasterised so far (cache misses), for benchmarks and tests.
    public var rasterisedTexts: Int { cache.rasterised }
    /// Number of rendered texts held.
    public var cachedTexts: Int { cache.count }

    /// A canvas with pixels of its own.
    public convenience init(width: Int, height: Int, fonts: FontBook) throws {
        guard width > 0, height > 0, width <= 16_384, height <= 16_384 else {
            throw SDLError("creating a canvas", message: "size \(width)x\(height) is out of range")
        }
        try self.init(surface: try Surface(width: width, height: height), fonts: fonts)
    }

    /// A canvas drawing into memory that someone else owns and keeps alive longer (a KMS dumb
    /// buffer): 32-bit pixels, blue in the lowest byte (XRGB8888), `pitch` bytes a row.
    public convenience init(pixels: UnsafeMutableRawPointer, width: Int, height: Int, pitch: Int, fonts: FontBook) throws {
        guard let pointer = SDL_CreateRGBSurfaceWithFormatFrom(pixels, Int32(width), Int32(height), 32, Int32(pitch),
                                                               SDL_PIXELFORMAT_ARGB8888.rawValue) else {
            throw SDLError("SDL_CreateRGBSurfaceWithFormatFrom(\(width)x\(height))")
        }
        // SDL frees the surface, never the pixels it was given.
        try self.init(surface: Surface(pointer: pointer), fonts: fonts)
    }

    /// Replaces this canvas's pixels with `source` turned by `rotation`, centred.
    public func drawTurned(_ source: SoftwareCanvas, by rotation: Rotation) throws {
        guard let texture = SDL_CreateTextureFromSurface(renderer, source.surface.pointer) else { throw SDLError("SDL_CreateTextureFromSurface") }
        defer { SDL_DestroyTexture(texture) }
        var destination = SDL_Rect(x: Int32((width - source.width) / 2), y: Int32((height - source.height) / 2),
                                   w: Int32(source.width), h: Int32(source.height))
        SDL_SetRenderDrawColor(renderer, 0, 0, 0, 0)  // Transparent black, as a new surface starts.
        SDL_RenderClear(renderer)
        SDL_RenderCopyEx(renderer, texture, nil, &destination, Double(rotation.rawValue), nil, SDL_FLIP_NONE)
        SDL_RenderFlush(renderer)
    }

    /// A canvas drawing straight into a surface (a window's own pixels: no copy to present).
    package init(surface: Surface, fonts: FontBook) throws {
        guard let renderer = SDL_CreateSoftwareRenderer(surface.pointer) else { throw SDLError("SDL_CreateSoftwareRenderer") }
        self.surface = surface
        self.renderer = renderer
        self.width = surface.width
        self.height = surface.height
        self.fonts = fonts
    }

    deinit {
        cache.removeAll()  // Textures first: the renderer frees them when it goes.
        SDL_DestroyRenderer(renderer)
    }

    /// Draws `list`, only inside `region` (the whole frame when nil).
    public func draw(_ list: DisplayList, in region: Rect? = nil) {
        let area = region ?? Rect(x: 0, y: 0, width: width, height: height)
        var clip = SDL_Rect(x: Int32(area.x), y: Int32(area.y), w: Int32(area.width), h: Int32(area.height))
        SDL_RenderSetClipRect(renderer, &clip)
        setColor(list.background)
        SDL_RenderFillRect(renderer, &clip)
        for item in list.items where item.frame.intersects(area) {
            switch item {
            case .box(let rect, let color):
                setColor(color)
                var box = sdlRect(rect)
                SDL_RenderFillRect(renderer, &box)
            case .text(let run):
                drawText(run)
            case .qrCode(let text, let rect):
                drawQRCode(text, in: rect)
            }
        }
        SDL_RenderSetClipRect(renderer, nil)
        SDL_RenderFlush(renderer)
        cache.keep(list)
        cache.sweep()
    }

    private func drawText(_ run: TextRun) {
        guard let texture = cache.texture(for: run, fonts: fonts, renderer: renderer) else { return }
        var target = SDL_Rect(x: Int32(run.frame.x), y: Int32(run.frame.y), w: texture.width, h: texture.height)
        SDL_RenderCopy(renderer, texture.handle, nil, &target)
        if run.strikethrough {
            setColor(run.color)
            var line = SDL_Rect(x: Int32(run.frame.x), y: Int32(run.frame.y + run.frame.height / 2), w: Int32(run.frame.width),
                                h: Int32(max(2, run.size / 14)))
            SDL_RenderFillRect(renderer, &line)
        }
    }

    /// A white square with the code centred in it at a whole number of pixels a module (a
    /// blurred module does not scan); nothing but the square when even one pixel a module
    /// does not fit. The last code is kept: a countdown tick does not encode it again.
    private func drawQRCode(_ text: String, in rect: Rect) {
        setColor(Color(red: 255, green: 255, blue: 255))
        var square = sdlRect(rect)
        SDL_RenderFillRect(renderer, &square)
        if lastQRCode?.text != text { lastQRCode = QRCode(WebAddress.ascii(text)).map { (text, $0) } }
        guard let code = lastQRCode?.code else { return }
        let module = min(rect.width, rect.height) / code.sizeWithQuietZone
        guard module >= 1 else { return }
        let originX = rect.x + (rect.width - module * code.size) / 2
        let originY = rect.y + (rect.height - module * code.size) / 2
        setColor(Color(red: 0, green: 0, blue: 0))
        var dark: [SDL_Rect] = []
        dark.reserveCapacity(code.modules.count / 2)
        for row in 0..<code.size {
            for column in 0..<code.size where code.isDark(column, row) {
                dark.append(SDL_Rect(x: Int32(originX + column * module), y: Int32(originY + row * module), w: Int32(module), h: Int32(module)))
            }
        }
        SDL_RenderFillRects(renderer, dark, Int32(dark.count))
    }

    private func setColor(_ color: Color) {
        SDL_SetRenderDrawColor(renderer, color.red, color.green, color.blue, color.alpha)
    }

    private func sdlRect(_ rect: Rect) -> SDL_Rect {
        SDL_Rect(x: Int32(rect.x), y: Int32(rect.y), w: Int32(rect.width), h: Int32(rect.height))
    }

    /// The colour of one pixel (for tests).
    public func pixel(x: Int, y: Int) -> Color {
        let pointer = surface.pointer.pointee
        let row = pointer.pixels.assumingMemoryBound(to: UInt8.self).advanced(by: y * Int(pointer.pitch))
        let value = UnsafeRawPointer(row).load(fromByteOffset: x * 4, as: UInt32.self)
        return Color(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF), alpha: UInt8(value >> 24))
    }
}
