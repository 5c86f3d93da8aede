import QBankCore

/// Every image says in words what it shows.
public struct ImageWithoutAltTextRule: ItemRule, SourceTextRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB122", name: "image-without-alt-text", category: .structure,
        summary: "An image must have alt text: `![what it shows](media/file.svg)`.",
        rationale: """
            Candidates using screen readers meet the exhibit only through its alt text (WCAG 2.1, 1.1.1 \
            Non-text Content); an exam that relies on an image without it is not accessible.
            """,
        severity: .error,
        triggeringExamples: [RuleExample(stringLiteral: MediaExamples.item("![](media/diagram.svg)"))],
        nonTriggeringExamples: [MediaExamples.quiet(MediaExamples.item("![Pipeline diagram: S3 to SageMaker](media/diagram.svg)"))]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        images(of: item, in: context).compactMap { placed in
            guard placed.image.alt.allSatisfy(\.isWhitespace) else { return nil }
            return finding("image '\(placed.image.source)' in the \(placed.text.role) of item '\(item.id)' has no alt text; write what it shows between the brackets",
                           for: placed, item: item, context: context)
        }
    }
}
