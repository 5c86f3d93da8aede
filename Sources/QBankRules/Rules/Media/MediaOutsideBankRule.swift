import QBankCore

/// An image must be a file of the bank: no URLs (unless allowed), absolute paths or `..`.
public struct MediaOutsideBankRule: ItemRule, SourceTextRule {
    /// Let images point at web addresses (`"rules": {"QB121": {"options": {"allowURLs": true}}}`).
    public var allowURLs = false

    public init() {}

    public static let description = RuleDescription(
        id: "QB121", name: "media-outside-bank", category: .structure,
        summary: "An image must be a file of the bank, named by a relative path below the bank file's folder.",
        rationale: """
            Exports package the bank's media with the items (QTI, Moodle); a URL, an absolute path or a path \
            through `..` points at something the package does not carry, which may change or vanish. A project \
            may allow URLs with the `allowURLs` option.
            """,
        severity: .error,
        triggeringExamples: [
            RuleExample(stringLiteral: MediaExamples.item("![Pipeline diagram](https://example.com/pipeline.svg)")),
            RuleExample(stringLiteral: MediaExamples.item("![Pipeline diagram](../shared/pipeline.svg)")),
            RuleExample(stringLiteral: MediaExamples.item("![Pipeline diagram](/srv/media/pipeline.svg)")),
        ],
        nonTriggeringExamples: [MediaExamples.quiet(MediaExamples.item("![Pipeline diagram](media/diagram.svg)"))]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        images(of: item, in: context).compactMap { placed in
            guard let reason = MediaFile.outsideBankReason(placed.image.source), !(allowURLs && reason == "a URL") else { return nil }
            return finding("image '\(placed.image.source)' in the \(placed.text.role) of item '\(item.id)' is \(reason); put the file in the bank (e.g. media/) and name it by a relative path",
                           for: placed, item: item, context: context)
        }
    }
}

extension MediaOutsideBankRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] { ["allowURLs": .bool(allowURLs)] }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("allowURLs", into: &allowURLs)
    }
}
