import CSDL2
import CSDL2TTF

/// SDL_ttf's process-wide state: initialised by the first user, shut down in `deinit`.
/// SDL is not thread-safe: create and use every SDL object on one thread (the main thread).
public final class SDLLibrary {
    /// Whether SDL's video subsystem (a window or the console) was started.
    public let hasVideo: Bool

    /// Starts SDL_ttf and, with `video`, SDL's video subsystem (for a window: needs X11 or Wayland).
    public init(video: Bool) throws {
        if video {
            SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "0")
            guard SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0 else { throw SDLError("SDL_Init(video)") }
        }
        guard TTF_Init() == 0 else {
            if video { SDL_Quit() }
            throw SDLError("TTF_Init")
        }
        hasVideo = video
    }

    deinit {
        TTF_Quit()
        if hasVideo { SDL_Quit() }
    }
}
