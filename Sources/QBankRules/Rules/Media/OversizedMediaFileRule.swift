import QBankCore

/// Images small enough to load fast in a test centre and to fit an LMS upload limit.
public struct OversizedMediaFileRule: ItemRule, SourceTextRule {
    /// The largest file allowed, in kibibytes.
    public var maximumKilobytes = 1024

    public init() {}

    public static let description = RuleDescription(
        id: "QB124", name: "oversized-media-file", category: .structure,
        summary: "An image file must not be larger than `maximumKilobytes` (1024 KiB by default).",
        rationale: """
            Exhibits load while the clock runs, and packages go through LMS upload limits; a diagram needs \
            far less than a megabyte (SVG, or PNG with a palette).
            """,
        severity: .warning,
        triggeringExamples: [RuleExample(stringLiteral: MediaExamples.item("![Chart](media/large.png)"))],
        nonTriggeringExamples: [MediaExamples.quiet(MediaExamples.item("![Chart](media/chart.png)"))]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        images(of: item, in: context).compactMap { placed in
            guard let file = context.file.media[placed.image.source], file.byteCount > maximumKilobytes * 1024 else { return nil }
            return finding("image '\(placed.image.source)' in the \(placed.text.role) of item '\(item.id)' is \(file.byteCount / 1024) KiB, over \(maximumKilobytes) KiB; make it smaller",
                           for: placed, item: item, context: context)
        }
    }
}

extension OversizedMediaFileRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] { ["maximumKilobytes": .number(Double(maximumKilobytes))] }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("maximumKilobytes", into: &maximumKilobytes, in: 1...1_048_576)
    }
}
