import QBankCore

/// Every option explains itself and every item cites a source.
public struct MissingRationaleOrReferenceRule: ItemRule {
    /// Which parts need a rationale: "every" option, step and prompt; only the "keys" (correct options; steps and
    /// prompts always count as keys); or "none".
    public var rationales = "every"
    /// Whether every item needs at least one reference.
    public var requireReference = true

    public init() {}

    public static let description = RuleDescription(
        id: "QB110", name: "missing-rationale-or-reference", category: .structure,
        summary: "Every option, step and prompt should have a rationale, and every item at least one reference.",
        rationale: """
            Reviewers check keys against rationales and references; without them an item cannot be defended \
            in an exam-committee review or a candidate challenge. Imported items often lack both: this rule \
            is a warning so they can come in and be completed, and it reports one finding per item naming \
            everything the item lacks (on public banks, one finding per option made this rule 75–93% of all \
            findings). For an imported legacy bank, `rationales` ("every", "keys" or "none") and \
            `requireReference` relax it, or the README's legacy profile turns it into a note.
            """,
        severity: .warning,
        triggeringExamples: [
            """
            ↓<item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to release a model.</stem>
              <steps>
                <step id="s1"><text>Register the model package</text><rationale>A package must exist first.</rationale></step>
                <step id="s2"><text>Approve the model package</text><rationale>Approval gates deployment.</rationale></step>
                <step id="s3"><text>Deploy the endpoint</text><rationale>Deploy the approved version.</rationale></step>
              </steps>
            </item>
            """,
            """
            ↓<item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to release a model.</stem>
              <steps>
                <step id="s1"><text>Register the model package</text><rationale>A package must exist first.</rationale></step>
                <step id="s2"><text>Approve the model package</text></step>
                <step id="s3"><text>Deploy the endpoint</text><rationale>Deploy the approved version.</rationale></step>
              </steps>
              <references><reference title="Model Registry" url="https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry.html"/></references>
            </item>
            """,
            // One finding for the item, however many parts lack a rationale.
            """
            ↓<item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>Which service stores training data as objects?</stem>
              <options>
                <option id="a" correct="true"><text>Amazon S3</text></option>
                <option id="b"><text>Amazon EBS</text></option>
                <option id="c"><text>Amazon EFS</text></option>
                <option id="d"><text>Amazon FSx for Lustre</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to release a model.</stem>
              <steps>
                <step id="s1"><text>Register the model package</text><rationale>A package must exist first.</rationale></step>
                <step id="s2"><text>Approve the model package</text><rationale>Approval gates deployment.</rationale></step>
                <step id="s3"><text>Deploy the endpoint</text><rationale>Deploy the approved version.</rationale></step>
              </steps>
              <references><reference title="Model Registry" url="https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry.html"/></references>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        var lacks: [String] = []
        if requireReference, item.references.isEmpty { lacks.append("a reference") }
        let parts: (kind: String, ids: [String])
        switch item.body {
        case .choice(let body):
            let options = body.options // read in place: copying an option retains every string it holds
            parts = ("option", options.indices.filter { isBlank(options[$0].rationale) && (rationales == "every" || options[$0].isCorrect) }.map { options[$0].id })
        case .ordering(let steps): parts = ("step", steps.filter { isBlank($0.rationale) }.map(\.id))
        case .matching(let body): parts = ("prompt", body.prompts.filter { isBlank($0.rationale) }.map(\.id))
        }
        if rationales != "none", !parts.ids.isEmpty {
            lacks.append("a rationale for \(parts.kind)\(parts.ids.count == 1 ? "" : "s") \(parts.ids.map { "'\($0)'" }.joined(separator: ", "))")
        }
        guard !lacks.isEmpty else { return [] }
        return [diagnostic(
            "item '\(item.id)' lacks \(lacks.joined(separator: " and ")); cite the documentation that supports the key and say why each choice is right or wrong",
            at: item.origin, in: context.file.path, item: item.id)]
    }

    private func isBlank(_ text: String?) -> Bool { text?.allSatisfy(\.isWhitespace) ?? true }
}

extension MissingRationaleOrReferenceRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["rationales": .string(rationales), "requireReference": .bool(requireReference)]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        var wanted = rationales
        try options.read("rationales", into: &wanted)
        guard ["every", "keys", "none"].contains(wanted) else {
            throw RuleOptionError("option 'rationales' must be \"every\", \"keys\" or \"none\", not \"\(wanted)\"",
                                  at: options.locations["rationales"] ?? options.location)
        }
        rationales = wanted
        try options.read("requireReference", into: &requireReference)
    }
}
