/// Active notices as a bright band under the header.
enum Banner {
    static func compose(_ text: String, y: Int, into composer: inout Composer) -> Int {
        let theme = composer.theme
        let margin = composer.length(0.04)
        let size = composer.px(theme.sizes.body)
        let padding = composer.length(0.012)
        let lines = composer.lineCount(text, width: composer.width - 2 * margin - 2 * padding, weight: .bold, size: size, maxLines: 2)
        let height = lines * composer.lineHeight(.bold, size) + 2 * padding
        composer.box(Rect(x: margin, y: y, width: composer.width - 2 * margin, height: height), theme.colors.bannerBackground)
        composer.text(text, x: margin + padding, y: y + padding, width: composer.width - 2 * margin - 2 * padding, weight: .bold, size: size,
                      color: theme.colors.bannerText, maxLines: 2)
        return y + height + composer.length(0.03)
    }
}
