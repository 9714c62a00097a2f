import SignLayout

/// A deterministic stand-in for font metrics, so layouts are tested without SDL or fonts.
public struct FixedMeasurer: TextMeasurer {
    public init() {}

    public func width(of text: String, weight: FontWeight, size: Int) -> Int {
        Int((Double(text.count) * Double(size) * (weight == .bold ? 0.62 : 0.56)).rounded(.up))
    }

    public func lineHeight(weight: FontWeight, size: Int) -> Int { Int((Double(size) * 1.2).rounded(.up)) }
}
