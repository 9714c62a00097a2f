/// One element of an XML document, as the schedule.xml reader needs it: its local name, its
/// attributes, its child elements, its text (the character data directly inside it, entities
/// and CDATA resolved) and the byte offset of its `<`, so that every diagnostic about it can
/// name a line and column.
struct XMLElementNode: Sendable {
    let name: String
    /// Its attributes, for the elements whose attributes the reader asked to keep.
    let attributes: [(name: String, value: String)]
    /// Whether it had any attributes in the document (kept or not).
    var hasAttributes = false
    var children: [XMLElementNode] = []
    var text: String = ""
    let offset: Int
    /// Where in its parent's `text` (in UTF-8 bytes) this element stood, to put the text of an
    /// element with markup inside back together in order (`allText`).
    var positionInParentText = 0

    /// The value of the attribute `name` (the first, should a broken document repeat it).
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Its text with the text of every element inside it, in document order: a title written
    /// with markup (`<title>Open <em>source</em> signage</title>`) reads "Open source signage".
    var allText: String {
        guard !children.isEmpty else { return text }
        var bytes = Array(text.utf8)
        for child in children.reversed() {
            let position = min(child.positionInParentText, bytes.count)
            bytes.insert(contentsOf: Array(child.allText.utf8), at: position)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The child elements called `name`, in document order.
    func children(named name: String) -> [XMLElementNode] {
        children.filter { $0.name == name }
    }
}
