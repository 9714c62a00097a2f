/// The technician's small note in the bottom-left corner.
enum StatusMark {
    static func compose(_ text: String, into composer: inout Composer) {
        let size = composer.px(composer.theme.sizes.minimum)
        let margin = composer.length(0.015)
        let y = composer.height - margin - composer.lineHeight(.regular, size)
        composer.text("● " + text, x: margin, y: y, width: composer.width / 2, weight: .regular, size: size, color: composer.theme.colors.muted)
    }
}
