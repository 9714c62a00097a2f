import SignRaster
import CSDL2
import Foundation
import SignLayout

/// Shows a canvas in a window (or full screen) under X11 or Wayland. Owns the window (and, for
/// rotated panels, a renderer and texture). A bare console is `KMSBackend`'s: SDL's KMSDRM
/// driver (which loads GL and crash-looped there) is refused.
///
/// Unrotated, it copies only the changed region into the window's own surface and updates just
/// that rectangle: no GPU, no GL context (which under Mesa's software GL costs >100 MB). A
/// rotated panel goes through SDL's software renderer, which can turn the picture.
public final class WindowPresenter {
    let window: OpaquePointer
    private var renderer: OpaquePointer?
    private var texture: OpaquePointer?
    private var textureSize = Size(width: 0, height: 0)
    private var triedNativeFramebuffer = false
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
        self.window = window
        self.rotation = rotation
        if videoDriver.lowercased() == "kmsdrm" {
            SDL_DestroyWindow(window)
            throw SDLError("opening a window", message: "SDL chose its KMSDRM driver (a bare console), which Skylt does not use; run with --display kms")
        }
        SDL_ShowCursor(SDL_DISABLE)
        if rotation != .none {
            guard let renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE.rawValue) ?? SDL_CreateRenderer(window, -1, 0) else {
                SDL_DestroyWindow(window)
                throw SDLError("SDL_CreateRenderer")
            }
            self.renderer = renderer
        }
    }

    deinit {
        if let texture { SDL_DestroyTexture(texture) }
        if let renderer { SDL_DestroyRenderer(renderer) }
        SDL_DestroyWindow(window)
    }

    /// The SDL video driver in use (x11, wayland, offscreen, …).
    public var videoDriver: String {
        SDL_GetCurrentVideoDriver().map { String(cString: $0) } ?? "none"
    }

    /// The panel's size in pixels, as it is now.
    public var outputSize: Size {
        var width: Int32 = 0, height: Int32 = 0
        if let renderer {
            SDL_GetRendererOutputSize(renderer, &width, &height)
        } else {
            SDL_GetWindowSizeInPixels(window, &width, &height)
        }
        return Size(width: Int(width), height: Int(height))
    }

    /// The size a layout must have to fill the panel after rotation.
    public var layoutSize: Size { rotation.layoutSize(forPanel: outputSize) }

    /// The window's own pixels. Prefers the display system's native framebuffer (X11 shared
    /// memory); only drivers without one (KMSDRM, Wayland) get SDL's GPU-backed stand-in.
    private func windowSurface() -> UnsafeMutablePointer<SDL_Surface>? {
        if !triedNativeFramebuffer {
            triedNativeFramebuffer = true
            SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0")
            if let surface = SDL_GetWindowSurface(window) { return surface }
            SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "1")
        }
        return SDL_GetWindowSurface(window)
    }

    /// A canvas for this window: unrotated, one that draws straight into the window's pixels;
    /// rotated, one with pixels of its own that `present` turns onto the panel.
    public func makeCanvas(fonts: FontBook) throws -> SoftwareCanvas {
        if renderer == nil, let target = windowSurface() {
            return try SoftwareCanvas(surface: Surface(pointer: target, owned: false), fonts: fonts)
        }
        return try SoftwareCanvas(width: layoutSize.width, height: layoutSize.height, fonts: fonts)
    }

    /// Copies the changed region of the canvas to the screen (the whole canvas when nil).
    public func present(_ canvas: SoftwareCanvas, changed region: Rect?) throws {
        let area = region ?? Rect(x: 0, y: 0, width: canvas.width, height: canvas.height)
        var rect = SDL_Rect(x: Int32(area.x), y: Int32(area.y), w: Int32(area.width), h: Int32(area.height))
        guard let renderer else {
            guard let target = windowSurface() else { throw SDLError("SDL_GetWindowSurface") }
            if target != canvas.surface.pointer {
                var destination = rect
                guard skylt_BlitSurface(canvas.surface.pointer, &rect, target, &destination) == 0 else { throw SDLError("SDL_BlitSurface") }
            }
            guard SDL_UpdateWindowSurfaceRects(window, &rect, 1) == 0 else { throw SDLError("SDL_UpdateWindowSurfaceRects") }
            return
        }
        if texture == nil || textureSize != Size(width: canvas.width, height: canvas.height) {
            if let texture { SDL_DestroyTexture(texture) }
            texture = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888.rawValue, Int32(SDL_TEXTUREACCESS_STREAMING.rawValue),
                                        Int32(canvas.width), Int32(canvas.height))
            guard texture != nil else { throw SDLError("SDL_CreateTexture") }
            textureSize = Size(width: canvas.width, height: canvas.height)
            rect = SDL_Rect(x: 0, y: 0, w: Int32(canvas.width), h: Int32(canvas.height))
        }
        let surface = canvas.surface.pointer.pointee
        let start = surface.pixels.advanced(by: Int(rect.y) * Int(surface.pitch) + Int(rect.x) * 4)
        SDL_UpdateTexture(texture, &rect, start, surface.pitch)
        let output = outputSize
        var destination = SDL_Rect(x: Int32((output.width - canvas.width) / 2), y: Int32((output.height - canvas.height) / 2),
                                   w: Int32(canvas.width), h: Int32(canvas.height))
        SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255)
        SDL_RenderClear(renderer)
        SDL_RenderCopyEx(renderer, texture, nil, &destination, Double(rotation.rawValue), nil, SDL_FLIP_NONE)
        SDL_RenderPresent(renderer)
    }
}
