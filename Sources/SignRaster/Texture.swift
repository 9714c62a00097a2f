import CSDL2

/// An SDL texture owned by Swift: destroyed in `deinit`.
final class Texture {
    let handle: OpaquePointer
    let width: Int32
    let height: Int32

    init(handle: OpaquePointer, width: Int32, height: Int32) {
        self.handle = handle
        self.width = width
        self.height = height
    }

    deinit {
        SDL_DestroyTexture(handle)
    }
}
