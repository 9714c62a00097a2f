/// One element of an XML document, as the schedule.xml reader needs it: its local name, its
/// attributes, its child elements, its text (the character data directly inside it, entities
/// and CDATA resolved) and the byte offset of its `<`, so that every diagnostic about it can
/// name a line and column.
struct XMLElementNode: Sendable {
    let name: String
    let attributes: [(name: String, value: String)]
    var children: [XMLElementNode] = []
    var text: String = ""
    let offset: Int

    /// The value of the attribute `name` (the first, should a broken document repeat it).
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The child elements called `name`, in document order.
    func children(named name: String) -> [XMLElementNode] {
        children.filter { $0.name == name }
    }
}
