import QBankCore

/// Only the image types every delivery format shows.
public struct UnsupportedMediaTypeRule: ItemRule, SourceTextRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB123", name: "unsupported-media-type", category: .structure,
        summary: "An image must be a PNG, JPEG, GIF or SVG file (judged by its content, not its name).",
        rationale: "Browsers, QTI players and Moodle all show these four; other types (BMP, TIFF, WebP, PDF) may show nothing.",
        severity: .error,
        triggeringExamples: [RuleExample(stringLiteral: MediaExamples.item("![Chart](media/photo.bmp)"))],
        nonTriggeringExamples: [MediaExamples.quiet(MediaExamples.item("![Chart](media/chart.png)"))]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        images(of: item, in: context).compactMap { placed in
            guard let file = context.file.media[placed.image.source], file.exists, !file.bytes.isEmpty, file.kind == nil else { return nil }
            return finding("image '\(placed.image.source)' in the \(placed.text.role) of item '\(item.id)' is not a PNG, JPEG, GIF or SVG file; convert it to one of those",
                           for: placed, item: item, context: context)
        }
    }
}
