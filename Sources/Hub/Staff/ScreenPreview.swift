import Foundation
import Kiosk
import ScheduleCore
import SignLayout
import SignStill

/// What a screen the hub knows will show with a program at an instant: drawn by `StillFrame`,
/// the screens' own step, layout and rasteriser, from what the screen reported (its sign, size,
/// rotation, theme). One at a time (SDL's software renderer is not shared across threads).
final class ScreenPreview: @unchecked Sendable {
    private let lock = NSLock()
    private var renderer: StillFrame?

    /// The PNG, or nil when it cannot be drawn (SDL or fonts missing, an unknown theme).
    func png(of screen: ScreenRegistry.Screen, program: Program, live: LiveState, at instant: Date) -> [UInt8]? {
        lock.withLock {
            if renderer == nil { renderer = try? StillFrame() }
            guard let renderer else { return nil }
            let rotation = Rotation(rawValue: screen.rotation ?? 0) ?? .none
            let theme = screen.theme.flatMap { ["dark", "light"].contains($0) ? $0 : nil }  // A file on the screen is not here.
            return try? renderer.png(program: program, live: live, mode: Self.mode(screen.sign, in: program), theme: theme,
                                     panel: Self.panel(screen.size, rotation: rotation), rotation: rotation, at: instant)
        }
    }

    /// The sign a screen reported (`room ID`, `lobby of A, B`, `lobby`), as it applies to `program`.
    static func mode(_ sign: String?, in program: Program) -> SignMode {
        if let sign, sign.hasPrefix("room "), program.room(id: String(sign.dropFirst(5))) != nil { return .room(String(sign.dropFirst(5))) }
        if let sign, sign.hasPrefix("lobby of ") {
            return .rooms(sign.dropFirst(9).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        if sign == "lobby" { return .lobby }
        return (try? SignMode.requested(nil, in: program, option: ("--room", "--rooms")).get()) ?? .lobby
    }

    /// The panel's size as reported (`1280x720`), 1920×1080 for a full screen of unknown size.
    static func panel(_ size: String?, rotation: Rotation) -> Size {
        let parts = (size ?? "").split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, (64...16_384).contains(parts[0]), (64...16_384).contains(parts[1]) else { return Size(width: 1920, height: 1080) }
        return Size(width: parts[0], height: parts[1])
    }
}
