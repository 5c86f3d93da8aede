import QBankCore

/// An SVG exhibit is a picture, not a program or a window on other files.
public struct UnsafeSVGRule: ItemRule, SourceTextRule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB125", name: "unsafe-svg", category: .structure,
        summary: "An SVG image must not hold scripts, event handlers, embedded HTML, entity declarations or external references.",
        rationale: """
            An SVG is XML that browsers run: a script or an event handler executes in the delivery page, and an \
            external reference fetches content the bank does not control (or leaks that the exam is open). \
            Fragment references (`#id`) stay allowed.
            """,
        severity: .error,
        triggeringExamples: [RuleExample(stringLiteral: MediaExamples.item("![Diagram](media/script.svg)"))],
        nonTriggeringExamples: [MediaExamples.quiet(MediaExamples.item("![Diagram](media/diagram.svg)"))]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        images(of: item, in: context).compactMap { placed in
            guard let problems = context.file.media[placed.image.source]?.svgProblems, !problems.isEmpty else { return nil }
            return finding("SVG '\(placed.image.source)' in the \(placed.text.role) of item '\(item.id)' has \(problems.joined(separator: ", ")); remove them",
                           for: placed, item: item, context: context)
        }
    }
}
