/// Which display a kiosk uses, from what was asked and what the machine has: PNG files when
/// headless, a window under X11 or Wayland, else the bare console through KMS. SDL's own KMSDRM
/// driver (which loads GL, and crash-looped on a console) is never chosen: a window asked for
/// where there is no display server is refused, pointing to the console's display.
public enum DisplayChoice: String, Sendable, CaseIterable {
    case auto, window, kms

    /// Where frames go.
    public enum Kind: Sendable, Equatable {
        case frames, window, kms
    }

    /// Why a window cannot be opened here.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// The display for this choice on a machine with `environment` (the process's variables).
    public func kind(headless: Bool, environment: [String: String]) -> Result<Kind, Refusal> {
        if headless { return .success(.frames) }
        let displayServer = environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil
        let sdlDriver = environment["SDL_VIDEODRIVER"]?.lowercased()
        switch self {
        case .kms:
            return .success(.kms)
        case .auto:
            return .success(displayServer || (sdlDriver != nil && sdlDriver != "kmsdrm") ? .window : .kms)
        case .window:
            guard displayServer || (sdlDriver != nil && sdlDriver != "kmsdrm") else {
                return .failure(Refusal(description: "--display window needs X11 or Wayland, and neither is running here; on a bare console use --display kms (the default)"))
            }
            return .success(.window)
        }
    }
}
