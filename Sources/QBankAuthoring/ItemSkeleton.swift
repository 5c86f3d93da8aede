import QBankCore

/// A new item with every required field filled by a placeholder that says what to write.
/// It passes the schema and the structure rules but one, so an author starts from a file that
/// loads; every `TODO:` is text a reviewer would reject, and QB116 (placeholder-content) reports
/// it as an error until it is written.
public enum ItemSkeleton {
    public static let marker = "TODO:"

    public static func item(type: ItemType, id: String, domain: Int, task: String) -> Item {
        Item(id: id, domain: domain, task: task, status: .draft, stem: Text(stem(type)), body: body(type, id: id),
             references: [Reference(title: "\(marker) title of the documentation page that supports the key",
                                    url: "https://docs.aws.amazon.com/")])
    }

    static func stem(_ type: ItemType) -> String {
        let scenario = "\(marker) describe the scenario and its requirements. Show code, a policy or a CLI call the candidate must read in a fenced block (or delete the block):\n\n" + codeBlock + "\n\n"
        return switch type {
        case .single: scenario + "Which solution meets these requirements?"
        case .multiple: scenario + "Which combination of steps meets these requirements? (Select TWO.)"
        case .ordering: "\(marker) describe the task. Put the steps in the correct order."
        case .matching: "\(marker) describe what the candidate must match. Match each prompt with the correct response."
        }
    }

    /// The Markdown an author copies for code (see Schemas/README.md): a fence with the language.
    static let codeBlock = "```python\n# \(marker) the code the candidate reads, e.g. a SageMaker Python SDK call\nestimator.fit({\"train\": train_s3_uri})\n```"

    static func body(_ type: ItemType, id: String) -> ItemBody {
        switch type {
        case .single:
            // Place the key by the id, so a run of new items does not pile keys on option A.
            let key = Int(StableHash.fnv1a64(id) % 4)
            return .choice(ChoiceBody(options: (0..<4).map { index in
                option(index, correct: index == key, distractorNumber: index < key ? index + 1 : index)
            }))
        case .multiple:
            return .choice(ChoiceBody(options: (0..<5).map { option($0, correct: $0 < 2, distractorNumber: $0 - 1) }, select: 2))
        case .ordering:
            return .ordering((1...3).map { Step(id: "s\($0)", text: Text("\(marker) the action that belongs at position \($0) of 3"),
                                               rationale: "\(marker) why step \($0) comes here.") })
        case .matching:
            return .matching(MatchingBody(
                prompts: (1...3).map { MatchPrompt(id: "p\($0)", text: Text("\(marker) prompt \($0)"), responseID: "r\($0)",
                                                   rationale: "\(marker) why prompt \($0) matches response \($0).") },
                // One spare response, so the last pair cannot be found by elimination (QB404).
                responses: (1...4).map { MatchResponse(id: "r\($0)", text: Text("\(marker) response \($0)")) }))
        }
    }

    private static func option(_ index: Int, correct: Bool, distractorNumber: Int) -> Option {
        let id = String(UnicodeScalar(UInt8(97 + index)))
        return correct
            ? Option(id: id, text: Text("\(marker) a correct option (\(id))"), isCorrect: true,
                     rationale: "Correct. \(marker) why this option meets every requirement.")
            : Option(id: id, text: Text("\(marker) a plausible distractor (\(id))"),
                     rationale: "Incorrect. \(marker) which requirement this option misses.")
    }
}
