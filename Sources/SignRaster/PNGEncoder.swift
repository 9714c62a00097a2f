import CSDL2
import CSDL2Image

/// Encodes a surface as PNG bytes in memory: SDL_image writes into a growing buffer through a
/// custom `SDL_RWops`, so no temporary file is needed (screenshots) and the bytes can be written
/// atomically by whoever needs a file.
enum PNGEncoder {
    /// The buffer the write callback appends to (reached through the RWops' user pointer).
    private final class Sink {
        var bytes: [UInt8] = []
    }

    static func encode(_ surface: UnsafeMutablePointer<SDL_Surface>) throws -> [UInt8] {
        let sink = Sink()
        guard let stream = SDL_AllocRW() else { throw SDLError("SDL_AllocRW") }
        stream.pointee.type = 0  // SDL_RWOPS_UNKNOWN
        stream.pointee.hidden.unknown.data1 = Unmanaged.passUnretained(sink).toOpaque()
        stream.pointee.size = { _ in -1 }
        stream.pointee.seek = { _, _, _ in -1 }
        stream.pointee.read = { _, _, _, _ in 0 }
        stream.pointee.write = { context, pointer, size, count in
            guard let context, let pointer, let owner = context.pointee.hidden.unknown.data1 else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(owner).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeRawBufferPointer(start: pointer, count: size * count))
            return count
        }
        stream.pointee.close = { context in
            SDL_FreeRW(context)
            return 0
        }
        // freedst = 1: SDL_image closes (and so frees) the stream whatever happens.
        let result = withExtendedLifetime(sink) { IMG_SavePNG_RW(surface, stream, 1) }
        guard result == 0 else { throw SDLError("IMG_SavePNG_RW") }
        return sink.bytes
    }
}
