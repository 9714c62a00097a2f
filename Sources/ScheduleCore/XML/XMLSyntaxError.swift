/// Why bytes are not a well-formed (or not an acceptable) XML document: libxml2's words, or
/// Skylt's limits, and where.
struct XMLSyntaxError: Error, Sendable {
    let message: String
    /// Where libxml2 stopped, when it said.
    let location: TextPosition?
}
