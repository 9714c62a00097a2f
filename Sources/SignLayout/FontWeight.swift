/// Which of the two font weights a text run uses.
public enum FontWeight: String, Sendable, Hashable {
    case regular, bold
}
