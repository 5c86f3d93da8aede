import QBankCore

/// Item and case ids are unique across every file of the bank.
public struct DuplicateIDRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "QB107", name: "duplicate-id", category: .structure,
        summary: "Item and case-study ids must be unique across the whole bank.",
        rationale: """
            Ids tie an item to its statistics, its enemies, answer keys and delivery records. Two items with \
            one id make every one of those ambiguous, and an import could overwrite the wrong one.
            """,
        severity: .error,
        triggeringExamples: [
            """
            <item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to release a model.</stem>
              <steps>
                <step id="s1"><text>Register the model package</text></step>
                <step id="s2"><text>Approve the model package</text></step>
                <step id="s3"><text>Deploy the endpoint</text></step>
              </steps>
            </item>
            ↓<item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to retire a model.</stem>
              <steps>
                <step id="s1"><text>Shift traffic to the new variant</text></step>
                <step id="s2"><text>Delete the old endpoint configuration</text></step>
                <step id="s3"><text>Archive the model package</text></step>
              </steps>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="ordering" domain="3" task="3.3" status="draft">
              <stem>Arrange the steps to release a model.</stem>
              <steps>
                <step id="s1"><text>Register the model package</text></step>
                <step id="s2"><text>Approve the model package</text></step>
                <step id="s3"><text>Deploy the endpoint</text></step>
              </steps>
            </item>
            """,
        ]
    )

    public func check(_ context: LintContext) -> [Diagnostic] {
        var first: [String: (origin: Origin, file: String)] = [:]
        var found: [Diagnostic] = []
        func visit(_ id: String, _ origin: Origin, _ file: String, _ what: String) {
            if let earlier = first[id] {
                let related = earlier.origin.location.map { [RelatedLocation(location: $0, message: "'\(id)' first defined here")] } ?? []
                found.append(diagnostic(
                    "\(what) id '\(id)' is already used at \(earlier.origin.location?.description ?? earlier.file); give this one a new id",
                    at: origin, in: file, item: id, related: related))
            } else {
                first[id] = (origin, file)
            }
        }
        for file in context.bank.files {
            // By index, so items are read in place rather than copied.
            for index in file.items.indices { visit(file.items[index].id, file.items[index].origin, file.path, "item") }
            for caseStudy in file.cases {
                visit(caseStudy.id, caseStudy.origin, file.path, "case study")
                for index in caseStudy.items.indices { visit(caseStudy.items[index].id, caseStudy.items[index].origin, file.path, "item") }
            }
        }
        return found
    }
}
