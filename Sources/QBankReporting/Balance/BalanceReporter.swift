import QBankAssembly
import QBankCore

/// Renders `qbank balance`: supply against what N forms need. The JSON shape is a
/// contract CI scripts rely on (DESIGN.md); text is for people, Markdown for READMEs.
public struct BalanceReporter: Sendable {
    public enum Format: String, CaseIterable, Sendable { case text, json, markdown }

    public var format: Format
    public init(format: Format) { self.format = format }

    public func render(_ supply: BankSupply, forms: Int) -> String {
        switch format {
        case .json: json(supply, forms: forms)
        case .text: text(supply, forms: forms)
        case .markdown: markdown(supply)
        }
    }

    private func json(_ supply: BankSupply, forms: Int) -> String {
        func counts<K>(_ values: [K: Int], _ key: (K) -> String) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: values.map { (key($0.key), .int($0.value)) }))
        }
        let domains = supply.domains.map { domain -> (String, JSONValue) in
            (String(domain.id), .object([
                "name": .string(domain.name), "scoredEligible": .int(domain.scoredEligible), "pretest": .int(domain.pretest),
                "scoredPerForm": .int(domain.scoredPerForm), "unscoredPerForm": .int(domain.unscoredPerForm),
                "formsSupported": .int(domain.formsSupported),
            ]))
        }
        return JSONValue.object([
            "exam": .string(supply.exam), "items": .int(supply.items), "cases": .int(supply.cases),
            "byDomain": counts(supply.byDomain) { String($0) }, "byTask": counts(supply.byTask) { $0 },
            "byType": counts(supply.byType) { $0.rawValue }, "byStatus": counts(supply.byStatus) { $0.rawValue },
            "supply": .object(Dictionary(uniqueKeysWithValues: domains)),
            "constraints": .array(supply.constraints.map { constraint in
                .object([
                    "requirement": .string(constraint.name), "minimumPerForm": .int(constraint.minimumPerForm),
                    "supply": .int(constraint.have), "formsSupported": .int(constraint.formsSupported),
                ])
            }),
            "skills": .array(supply.skills.map { skill in
                .object(["id": .string(skill.id), "task": .string(skill.task), "items": .array(skill.items.map { .string($0) })])
            }),
            "maxForms": .int(supply.maxForms), "forms": .int(forms),
            "shortfalls": .array(supply.allShortfalls(forms: forms).map { .string($0) }),
            "binding": supply.binding(forms: forms).map { .string($0) } ?? .null,
        ]).rendered()
    }

    private func text(_ supply: BankSupply, forms: Int) -> String {
        var out = "\(supply.exam): \(supply.items) items (\(supply.cases) case studies)\n\n"
        out += "domain  scored supply / need  pretest supply / need  forms\n"
        for domain in supply.domains {
            let scored = "\(domain.scoredEligible) / \(domain.scoredPerForm * forms)"
            let pretest = "\(domain.pretest) / \(domain.unscoredPerForm * forms)"
            out += "\(pad(String(domain.id), 6))  \(pad(scored, 20))  \(pad(pretest, 21))  \(domain.formsSupported)\n"
        }
        if !supply.constraints.isEmpty {
            out += "\nblueprint minimum  supply / need  forms\n"
            for constraint in supply.constraints {
                out += "\(pad(constraint.name, 17))  \(pad("\(constraint.have) / \(constraint.minimumPerForm * forms)", 13))  \(constraint.formsSupported)\n"
            }
        }
        out += "\nneed shown for \(forms) form\(forms == 1 ? "" : "s"); the bank supports at most \(supply.maxForms) disjoint form\(supply.maxForms == 1 ? "" : "s")\n"
        for shortfall in supply.allShortfalls(forms: forms) { out += "cannot build \(forms): \(shortfall)\n" }
        if let binding = supply.binding(forms: forms) { out += "binding: \(binding)\n" }
        if !supply.skills.isEmpty {
            let empty = supply.skills.filter(\.items.isEmpty)
            out += "\nskills: \(supply.skills.count - empty.count) of \(supply.skills.count) knowledge and skill lines have an item"
            out += empty.isEmpty ? "\n" : "; none yet for \(empty.map(\.id).joined(separator: ", "))\n"
        }
        return out
    }

    private func markdown(_ supply: BankSupply) -> String {
        var out = "| domain | items | operational + approved | pretest | per form (scored + unscored) | disjoint forms |\n|---|---|---|---|---|---|\n"
        for domain in supply.domains {
            out += "| \(domain.id). \(domain.name) | \(supply.byDomain[domain.id] ?? 0) | \(domain.scoredEligible) | \(domain.pretest) | \(domain.scoredPerForm) + \(domain.unscoredPerForm) | \(domain.formsSupported) |\n"
        }
        out += "| **all** | **\(supply.items)** | \(supply.domains.map(\.scoredEligible).reduce(0, +)) | \(supply.domains.map(\.pretest).reduce(0, +)) | | **\(supply.maxForms)** |\n"
        if !supply.constraints.isEmpty {
            out += "\n| blueprint minimum | rule | supply | disjoint forms |\n|---|---|---|---|\n"
            for constraint in supply.constraints {
                let strong = constraint.formsSupported == supply.maxForms
                let forms = strong ? "**\(constraint.formsSupported)**" : String(constraint.formsSupported)
                out += "| \(constraint.name) | \(constraint.rule) | \(constraint.have) | \(forms) |\n"
            }
        }
        out += "\n| task | items | operational + approved | pretest |\n|---|---|---|---|\n"
        for task in supply.domains.flatMap(\.tasks) {
            out += "| \(task.id) \(task.name) | \(supply.byTask[task.id] ?? 0) | \(task.scoredEligible) | \(task.pretest) |\n"
        }
        out += "\n| format | items | share |\n|---|---|---|\n"
        for type in ItemType.allCases {
            let count = supply.byType[type] ?? 0
            out += "| \(type.rawValue) | \(count) | \(percent(count, of: supply.items)) |\n"
        }
        out += "\n| status | items |\n|---|---|\n"
        for status in ItemStatus.allCases { out += "| \(status.rawValue) | \(supply.byStatus[status] ?? 0) |\n" }
        out += "\nCase studies: \(supply.cases).\n"
        if !supply.skills.isEmpty { out += skillMatrix(supply.skills) }
        return out
    }

    /// Each knowledge or skill line and the items that claim it, for the bank README; an
    /// empty line is shown in bold so a gap stands out.
    private func skillMatrix(_ skills: [SkillCoverage]) -> String {
        let empty = skills.filter(\.items.isEmpty).count
        var out = "\nCoverage of the blueprint's \(skills.count) knowledge and skill lines (an item claims a line with its id as a tag; "
        out += empty == 0 ? "every line has an item):\n" : "**\(empty) without an item**):\n"
        out += "\n| line | statement | items | which |\n|---|---|---|---|\n"
        for skill in skills {
            let count = skill.items.isEmpty ? "**0**" : String(skill.items.count)
            out += "| \(skill.id) | \(AnalysisMarkdown.cell(skill.text)) | \(count) | \(skill.items.joined(separator: ", ")) |\n"
        }
        return out
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "0%" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
