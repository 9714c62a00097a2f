import CDRM
import Foundation
import DisplayContract
import SignRaster
import SignLayout

/// The kiosk's display on a bare console: frames go straight into a KMS dumb buffer through
/// libdrm — no X, no Wayland, no EGL or Mesa, any KMS driver (vc4 on a Raspberry Pi,
/// virtio-gpu, bochs, simpledrm). It takes the first connected output at its preferred mode,
/// draws only the changed region and tells the kernel which (`drmModeDirtyFB`, for drivers
/// that upload on demand), turns the panel off and on through the connector's DPMS property,
/// and re-probes the outputs every few seconds, so a panel unplugged or a TV power-cycled comes
/// back by itself.
public final class KMSDisplay: KioskDisplay {
    private let rotation: Rotation
    private let fonts: FontBook
    private let signal: LoopSignal
    private let card: DRMCard
    private var output: KMSOutput?
    private var framebuffer: DumbFramebuffer?
    /// Draws into the framebuffer (unrotated panels), or the turned picture (rotated ones).
    private var scanout: SoftwareCanvas?
    /// The picture as the viewer sees it, for rotated panels.
    private var upright: SoftwareCanvas?
    private let stopwatch: Stopwatch
    private var lastProbe = Duration.zero
    private var isOn = true
    /// How often the outputs are probed for a panel plugged in, out, or changed.
    public var probeInterval: Duration = .seconds(5)

    /// Opens the card (the first under /dev/dri with a connected output when nil) and sets the mode.
    /// - Parameter clock: paces the probes for a panel plugged in or out.
    public init(card path: String? = nil, rotation: Rotation, fonts: FontBook, signal: LoopSignal, clock: some Clock<Duration>) throws {
        stopwatch = Stopwatch(clock)
        self.rotation = rotation
        self.fonts = fonts
        self.signal = signal
        var chosen: (DRMCard, KMSOutput?)?
        var failures: [String] = []
        for candidate in path.map({ [$0] }) ?? DRMCard.paths() {
            do {
                let card = try DRMCard(path: candidate)
                let output = try KMSOutput.find(on: card)
                if chosen == nil || (chosen?.1 == nil && output != nil) { chosen = (card, output) }
                if output != nil { break }
            } catch {
                failures.append("\(error)")
            }
        }
        guard let (card, output) = chosen else {
            throw KMSError("no KMS display", reason: failures.isEmpty ? "no /dev/dri/card* device" : failures.joined(separator: "; "))
        }
        self.card = card
        try configure(output)
    }

    /// The card and mode in use, for the log.
    public var description: String {
        guard let output else { return "\(card.path), no output connected" }
        return "\(card.path), \(output.modeName) \(output.size.width)x\(output.size.height)@\(output.mode.vrefresh)"
    }

    public var layoutSize: Size {
        rotation.layoutSize(forPanel: output?.size ?? Size(width: 1920, height: 1080))
    }

    public func show(_ list: DisplayList, changed: Rect) throws {
        guard let framebuffer, let scanout, list.width == layoutSize.width, list.height == layoutSize.height else { return }
        if rotation == .none {
            scanout.draw(list, in: changed)
            markDirty(changed, framebuffer: framebuffer)
        } else {
            guard let upright else { return }
            upright.draw(list, in: changed)
            try scanout.drawTurned(upright, by: rotation)
            markDirty(Rect(x: 0, y: 0, width: framebuffer.width, height: framebuffer.height), framebuffer: framebuffer)
        }
    }

    public func wait(for timeout: Duration) -> DisplayEvent {
        let woken = signal.wait(for: min(timeout, probeInterval))
        if stopwatch.elapsed - lastProbe >= probeInterval, reprobe() { return .needsFullRedraw }
        return woken ? .woken : .timedOut
    }

    public func screenshotPNG() -> [UInt8]? {
        guard let canvas = upright ?? scanout else { return nil }
        return try? FrameFile.png(canvas, rotation: rotation)
    }

    public func thumbnailPNG(maxWidth: Int) -> [UInt8]? {
        guard let canvas = upright ?? scanout else { return nil }
        return try? FrameFile.thumbnailPNG(canvas, rotation: rotation, maxWidth: maxWidth)
    }

    public func setScreenPower(_ on: Bool) {
        guard on != isOn, let output else { return }
        isOn = on
        if let property = output.dpmsPropertyID {
            _ = drmModeConnectorSetProperty(card.descriptor, output.connectorID, property, UInt64(on ? DRM_MODE_DPMS_ON : DRM_MODE_DPMS_OFF))
        }
        if on, let framebuffer { setCrtc(output, framebuffer: framebuffer) }
    }

    // MARK: - Modes and outputs

    /// Sets up buffers and the mode for `output` (nothing when no output is connected).
    private func configure(_ output: KMSOutput?) throws {
        scanout = nil
        upright = nil
        framebuffer = nil
        self.output = output
        guard let output else { return }
        let framebuffer = try DumbFramebuffer(card: card, width: output.size.width, height: output.size.height)
        scanout = try SoftwareCanvas(pixels: framebuffer.pixels, width: framebuffer.width, height: framebuffer.height, pitch: framebuffer.pitch,
                                     fonts: fonts)
        if rotation != .none {
            upright = try SoftwareCanvas(width: layoutSize.width, height: layoutSize.height, fonts: fonts)
        }
        self.framebuffer = framebuffer
        if isOn { setCrtc(output, framebuffer: framebuffer) }
    }

    private func setCrtc(_ output: KMSOutput, framebuffer: DumbFramebuffer) {
        var connector = output.connectorID
        var mode = output.mode
        if drmModeSetCrtc(card.descriptor, output.crtcID, framebuffer.framebufferID, 0, 0, &connector, 1, &mode) != 0 {
            FileHandle.standardError.write(Data("skylt: warning: drmModeSetCrtc failed: \(String(cString: strerror(errno)))\n".utf8))
        }
    }

    /// Probes the outputs; returns whether what is connected changed (and was set up anew).
    private func reprobe() -> Bool {
        lastProbe = stopwatch.elapsed
        let found = (try? KMSOutput.find(on: card)) ?? nil
        guard found != output else { return false }
        do {
            try configure(found)
        } catch {
            FileHandle.standardError.write(Data("skylt: warning: cannot set up the display again: \(error)\n".utf8))
            output = nil
        }
        let news = output == nil ? "no output connected; the sign comes back when one is" : "output found again: \(description)"
        FileHandle.standardError.write(Data("skylt: display: \(news)\n".utf8))
        return true
    }

    /// Tells drivers that upload on demand (virtio-gpu, USB displays) which region changed;
    /// drivers that scan out directly answer ENOSYS, which is fine.
    private func markDirty(_ region: Rect, framebuffer: DumbFramebuffer) {
        var clip = drmModeClip(x1: UInt16(max(0, region.x)), y1: UInt16(max(0, region.y)),
                               x2: UInt16(min(framebuffer.width, region.maxX)), y2: UInt16(min(framebuffer.height, region.maxY)))
        _ = drmModeDirtyFB(card.descriptor, framebuffer.framebufferID, &clip, 1)
    }
}
