import CDRM
import SignLayout

/// A connected output of a card: its connector, the CRTC that can drive it, its preferred
/// mode, and the connector's DPMS property (to turn the screen off and on).
struct KMSOutput: Equatable {
    let connectorID: UInt32
    let crtcID: UInt32
    let mode: drmModeModeInfo
    let dpmsPropertyID: UInt32?

    var size: Size { Size(width: Int(mode.hdisplay), height: Int(mode.vdisplay)) }
    var modeName: String {
        withUnsafeBytes(of: mode.name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    static func == (lhs: KMSOutput, rhs: KMSOutput) -> Bool {
        lhs.connectorID == rhs.connectorID && lhs.crtcID == rhs.crtcID && lhs.size == rhs.size && lhs.mode.vrefresh == rhs.mode.vrefresh
    }

    /// The first connected connector with a mode and a CRTC, or nil (nothing plugged in).
    static func find(on card: DRMCard) throws -> KMSOutput? {
        let fd = card.descriptor
        guard let resources = drmModeGetResources(fd) else { throw KMSError("drmModeGetResources(\(card.path))") }
        defer { drmModeFreeResources(resources) }
        let crtcs = Array(UnsafeBufferPointer(start: resources.pointee.crtcs, count: Int(resources.pointee.count_crtcs)))
        let connectors = Array(UnsafeBufferPointer(start: resources.pointee.connectors, count: Int(resources.pointee.count_connectors)))
        for connectorID in connectors {
            guard let connector = drmModeGetConnector(fd, connectorID) else { continue }
            defer { drmModeFreeConnector(connector) }
            guard connector.pointee.connection == DRM_MODE_CONNECTED, connector.pointee.count_modes > 0 else { continue }
            let modes = UnsafeBufferPointer(start: connector.pointee.modes, count: Int(connector.pointee.count_modes))
            let mode = modes.first { $0.type & UInt32(DRM_MODE_TYPE_PREFERRED) != 0 } ?? modes[0]
            guard let crtcID = crtc(for: connector, crtcs: crtcs, fd: fd) else { continue }
            return KMSOutput(connectorID: connectorID, crtcID: crtcID, mode: mode, dpmsPropertyID: property(named: "DPMS", of: connectorID, fd: fd))
        }
        return nil
    }

    /// The CRTC the connector's encoder drives now, else the first one an encoder can drive.
    private static func crtc(for connector: UnsafeMutablePointer<drmModeConnector>, crtcs: [UInt32], fd: Int32) -> UInt32? {
        if connector.pointee.encoder_id != 0, let encoder = drmModeGetEncoder(fd, connector.pointee.encoder_id) {
            defer { drmModeFreeEncoder(encoder) }
            if encoder.pointee.crtc_id != 0 { return encoder.pointee.crtc_id }
        }
        let encoders = UnsafeBufferPointer(start: connector.pointee.encoders, count: Int(connector.pointee.count_encoders))
        for encoderID in encoders {
            guard let encoder = drmModeGetEncoder(fd, encoderID) else { continue }
            defer { drmModeFreeEncoder(encoder) }
            for (index, crtc) in crtcs.enumerated() where encoder.pointee.possible_crtcs & (1 << UInt32(index)) != 0 {
                return crtc
            }
        }
        return nil
    }

    /// The id of a connector property by name.
    private static func property(named name: String, of connectorID: UInt32, fd: Int32) -> UInt32? {
        guard let properties = drmModeObjectGetProperties(fd, connectorID, UInt32(truncatingIfNeeded: DRM_MODE_OBJECT_CONNECTOR)) else { return nil }
        defer { drmModeFreeObjectProperties(properties) }
        for index in 0..<Int(properties.pointee.count_props) {
            guard let property = drmModeGetProperty(fd, properties.pointee.props[index]) else { continue }
            defer { drmModeFreeProperty(property) }
            let propertyName = withUnsafeBytes(of: property.pointee.name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if propertyName == name { return property.pointee.prop_id }
        }
        return nil
    }
}
