import QBankCore

/// A small bank built in code for assembly tests: two domains (50/50), forms of 8 items
/// (6 scored: 3 + 3, 2 unscored: 1 + 1), every item type, one case study, an enemy pair
/// and p-values, enough for two disjoint forms and not for four.
public enum SmallAssemblyBank {
    public static var blueprint: Blueprint {
        Blueprint(
            exam: "SMALL-01", title: "Small test exam", form: FormSpec(length: 8, scored: 6, unscored: 2),
            domains: [
                BlueprintDomain(id: 1, name: "One", weight: 50, tasks: [TaskStatement(id: "1.1", name: "A"), TaskStatement(id: "1.2", name: "B")]),
                BlueprintDomain(id: 2, name: "Two", weight: 50, tasks: [TaskStatement(id: "2.1", name: "C")]),
            ],
            constraints: FormConstraints(formats: [.single: CountRange(min: 2)], minScoredPerTask: 1,
                                         caseStudies: CountRange(max: 1), difficulty: DifficultyWindow(minMeanP: 0.5, maxMeanP: 0.85)))
    }

    public static var bank: Bank {
        var items: [Item] = []
        for n in 1...7 {
            items.append(single("d1-\(n)", domain: 1, task: n % 2 == 0 ? "1.2" : "1.1", p: 0.55 + 0.04 * Double(n)))
            items.append(single("d2-\(n)", domain: 2, task: "2.1", p: 0.5 + 0.05 * Double(n)))
        }
        items[0].enemies = [EnemyReference("d1-3")]
        items.append(multiple("d2-multi", domain: 2))
        items.append(ordering("d1-order", domain: 1))
        items.append(matching("d2-match", domain: 2, shuffle: false))
        for n in 1...3 {
            var p1 = single("pre1-\(n)", domain: 1, task: "1.1", p: nil); p1.status = .pretest
            var p2 = single("pre2-\(n)", domain: 2, task: "2.1", p: nil); p2.status = .pretest
            items += [p1, p2]
        }
        var draft = single("draft-1", domain: 1, task: "1.1", p: 0.7); draft.status = .draft
        items.append(draft)
        let study = CaseStudy(id: "case-1", title: "A scenario", scenario: "A company <runs> \"things\" & more.",
                              items: [single("case-1-a", domain: 1, task: "1.2", p: 0.6), single("case-1-b", domain: 1, task: "1.1", p: 0.7)])
        return Bank(files: [BankFile(path: "small.json", items: items, cases: [study])], blueprint: blueprint)
    }

    static func single(_ id: String, domain: Int, task: String, p: Double?) -> Item {
        Item(id: id, domain: domain, task: task, status: .operational, stem: Text("Stem of \(id)?"),
             body: .choice(ChoiceBody(options: ["a", "b", "c", "d"].map {
                 Option(id: $0, text: Text("Option \($0) of \(id)"), isCorrect: $0 == "b", rationale: "SECRET-RATIONALE \($0)")
             })), stats: p.map { ItemStats(pValue: $0, pointBiserial: 0.3, responses: 500) })
    }

    static func multiple(_ id: String, domain: Int) -> Item {
        Item(id: id, domain: domain, task: "2.1", status: .operational, stem: "Which two? (Select TWO.)",
             body: .choice(ChoiceBody(options: ["a", "b", "c", "d", "e"].map {
                 Option(id: $0, text: Text("Choice \($0)"), isCorrect: $0 == "a" || $0 == "d", rationale: "SECRET-RATIONALE")
             }, select: 2)), stats: ItemStats(pValue: 0.6))
    }

    static func ordering(_ id: String, domain: Int) -> Item {
        Item(id: id, domain: domain, task: "1.1", status: .operational, stem: "Put these in order.",
             body: .ordering((1...4).map { Step(id: "s\($0)", text: Text("Step \($0)"), rationale: "SECRET-RATIONALE") }),
             stats: ItemStats(pValue: 0.65))
    }

    static func matching(_ id: String, domain: Int, shuffle: Bool) -> Item {
        Item(id: id, domain: domain, task: "2.1", status: .operational, shuffle: shuffle, stem: "Match them.",
             body: .matching(MatchingBody(
                 prompts: (1...3).map { MatchPrompt(id: "p\($0)", text: Text("Prompt \($0)"), responseID: "r\($0)", rationale: "SECRET-RATIONALE") },
                 responses: (1...4).map { MatchResponse(id: "r\($0)", text: Text("Response \($0)")) })),
             stats: ItemStats(pValue: 0.7))
    }
}
