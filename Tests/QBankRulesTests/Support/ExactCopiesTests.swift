import QBankCore
@testable import QBankRules
import Testing

/// QB505's shortcut for exact copies must agree with QB503's exact key on every pair, ASCII or not.
struct ExactCopiesTests {
    private func item(_ id: String, stem: String, options: [String]) -> Item {
        let options = options.enumerated().map {
            Option(id: String(UnicodeScalar(UInt8(97 + $0.offset))), text: Text($0.element), isCorrect: $0.offset == 0)
        }
        return Item(id: id, domain: 1, task: "1.1", stem: Text(stem), body: .choice(ChoiceBody(options: options)))
    }

    @Test func agreesWithTheExactKey() {
        let items = [
            item("a", stem: "Which service stores objects?", options: ["Amazon S3", "Amazon EFS"]),
            item("b", stem: "  which SERVICE stores\tobjects? ", options: ["amazon efs", "Amazon  S3"]),
            item("c", stem: "Which service stores objects?", options: ["Amazon S3", "Amazon EBS"]),
            // Unicode case and white space: equal keys, different byte hashes.
            item("d", stem: "Quel service stocke les OBJETS À part?", options: ["Amazon S3", "Amazon EFS"]),
            item("e", stem: "quel service\u{00A0}stocke les objets à part?", options: ["amazon s3", "amazon efs"]),
            item("f", stem: "Which service stores objects?\u{000B}", options: ["Amazon S3", "Amazon EFS"]),
            item("g", stem: "Which service stores objects?", options: []),
            item("h", stem: "Which service stores objects?", options: [""]),
        ]
        let bank = Bank(files: [BankFile(path: "bank.xml", items: items)])
        var copies = ExactCopies(BankItems(bank))
        var found: [String] = []
        for a in items.indices {
            for b in items.indices where a < b {
                let expected = DuplicateItemsRule.exactKey(items[a]) == DuplicateItemsRule.exactKey(items[b])
                #expect(copies.areCopies(a, b) == expected, "\(items[a].id) \(items[b].id)")
                if expected { found.append(items[a].id + items[b].id) }
            }
        }
        // The cases above do cover copies both ways.
        #expect(found.contains("ab") && found.contains("de") && found.contains("af") && found.contains("gh"))
    }
}
