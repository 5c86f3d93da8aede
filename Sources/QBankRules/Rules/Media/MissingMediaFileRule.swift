import QBankCore

/// An image names a file the bank does not have.
public struct MissingMediaFileRule: ItemRule, SourceTextRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB120", name: "missing-media-file", category: .structure,
        summary: "An image must name a file that exists, relative to the bank file.",
        rationale: "A missing exhibit leaves candidates a question they cannot answer; previews and exports would show a broken image.",
        severity: .error,
        triggeringExamples: [RuleExample(stringLiteral: MediaExamples.item("![Pipeline diagram](media/pipline.svg)"))],
        nonTriggeringExamples: [MediaExamples.quiet(MediaExamples.item("![Pipeline diagram](media/diagram.svg)"))]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        images(of: item, in: context).compactMap { placed in
            guard context.file.media[placed.image.source]?.exists == false else { return nil }
            return finding("image '\(placed.image.source)' in the \(placed.text.role) of item '\(item.id)' does not exist; add the file beside the bank file or fix the path",
                           for: placed, item: item, context: context)
        }
    }
}
