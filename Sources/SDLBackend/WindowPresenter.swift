import CSDL2
import Foundation

/// Shows a canvas on a real display: a window under X11/Wayland, or the whole screen through
/// KMSDRM on a bare console. Owns the window, renderer and streaming texture.
public final class WindowPresenter {
    let window: OpaquePointer
    let renderer: OpaquePointer
    private var texture: OpaquePointer?
    private var textureSize = (width: 0, height: 0)
    public let rotation: Rotation
    /// SDL's video subsystem, kept alive until the window is destroyed.
    private let library: SDLLibrary

    /// Opens the window (or takes the console).
    /// - Parameter library: SDL started with video.
    public init(library: SDLLibrary, width: Int, height: Int, fullscreen: Bool, rotation: Rotation, title: String) throws {
        guard library.hasVideo else { throw SDLError("opening a window", message: "SDL was started without video") }
        self.library = library
        var flags = SDL_WINDOW_SHOWN.rawValue
        if fullscreen { flags |= SDL_WINDOW_FULLSCREEN_DESKTOP.rawValue }
        guard let window = SDL_CreateWindow(title, SKYLT_WINDOWPOS_CENTERED, SKYLT_WINDOWPOS_CENTERED, Int32(width), Int32(height), flags) else {
            throw SDLError("SDL_CreateWindow")
        }
        guard let renderer = SDL_CreateRenderer(window, -1, 0) ?? SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE.rawValue) else {
            SDL_DestroyWindow(window)
            throw SDLError("SDL_CreateRenderer")
        }
        SDL_ShowCursor(SDL_DISABLE)
        self.window = window
        self.renderer = renderer
        self.rotation = rotation
    }

    deinit {
        if let texture { SDL_DestroyTexture(texture) }
        SDL_DestroyRenderer(renderer)
        SDL_DestroyWindow(window)
    }

    /// The SDL video driver in use (x11, wayland, KMSDRM, …).
    public var videoDriver: String {
        SDL_GetCurrentVideoDriver().map { String(cString: $0) } ?? "none"
    }

    /// The panel's size in pixels, as it is now.
    public var outputSize: (width: Int, height: Int) {
        var width: Int32 = 0, height: Int32 = 0
        SDL_GetRendererOutputSize(renderer, &width, &height)
        return (Int(width), Int(height))
    }

    /// The size a layout must have to fill the panel after rotation.
    public var layoutSize: (width: Int, height: Int) {
        let size = outputSize
        return rotation.swapsSides ? (size.height, size.width) : size
    }

    /// Uploads the changed region of the canvas and shows the frame.
    public func present(_ canvas: SoftwareCanvas, changed region: (x: Int, y: Int, width: Int, height: Int)?) throws {
        if texture == nil || textureSize != (canvas.width, canvas.height) {
            if let texture { SDL_DestroyTexture(texture) }
            texture = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888.rawValue, Int32(SDL_TEXTUREACCESS_STREAMING.rawValue),
                                        Int32(canvas.width), Int32(canvas.height))
            guard texture != nil else { throw SDLError("SDL_CreateTexture") }
            textureSize = (canvas.width, canvas.height)
        }
        let surface = canvas.surface.pointer.pointee
        let area = textureSize == (canvas.width, canvas.height) ? region : nil
        if let area {
            var rect = SDL_Rect(x: Int32(area.x), y: Int32(area.y), w: Int32(area.width), h: Int32(area.height))
            let start = surface.pixels.advanced(by: area.y * Int(surface.pitch) + area.x * 4)
            SDL_UpdateTexture(texture, &rect, start, surface.pitch)
        } else {
            SDL_UpdateTexture(texture, nil, surface.pixels, surface.pitch)
        }
        let output = outputSize
        var destination = SDL_Rect(x: Int32((output.width - canvas.width) / 2), y: Int32((output.height - canvas.height) / 2),
                                   w: Int32(canvas.width), h: Int32(canvas.height))
        SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255)
        SDL_RenderClear(renderer)
        SDL_RenderCopyEx(renderer, texture, nil, &destination, Double(rotation.rawValue), nil, SDL_FLIP_NONE)
        SDL_RenderPresent(renderer)
    }
}
