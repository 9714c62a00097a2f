extension Duration {
    /// The duration in seconds, as a floating-point number.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }

    /// A duration from seconds, with millisecond precision (negative and non-finite values give zero).
    public static func seconds(of value: Double) -> Duration {
        guard value.isFinite, value > 0 else { return .zero }
        return .milliseconds(Int64(min(value, 1e12) * 1000))
    }
}
