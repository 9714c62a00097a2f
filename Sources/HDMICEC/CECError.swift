import Foundation

/// What went wrong with an HDMI-CEC adapter, with the device and the system's reason.
public struct CECError: Error, CustomStringConvertible, Sendable {
    public let device: String
    public let operation: String
    public let reason: String

    init(_ device: String, _ operation: String, errno code: Int32) {
        self.init(device, operation, reason: String(cString: strerror(code)))
    }

    init(_ device: String, _ operation: String, reason: String) {
        self.device = device
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "HDMI-CEC \(device): \(operation): \(reason)" }
}
