import QBankCore

/// What a bank holds, counted the way the blueprint asks for it, and how many
/// disjoint forms those counts can support.
public struct BankSupply: Sendable, Equatable {
    public var exam: String
    public var items: Int
    public var cases: Int
    public var byDomain: [Int: Int]
    public var byTask: [String: Int]
    public var byType: [ItemType: Int]
    public var byStatus: [ItemStatus: Int]
    /// Per blueprint domain: eligible supply and what one form needs.
    public var domains: [DomainSupply]
    /// The blueprint's optional minimums (scored items per task, per format, case studies
    /// per form) against the supply that can meet them.
    public var constraints: [ConstraintSupply]
    /// Per knowledge or skill line of the blueprint: the items that claim it by tag.
    public var skills: [SkillCoverage]

    public init(bank: Bank, blueprint: Blueprint) {
        let all = bank.allItems
        exam = blueprint.exam
        items = all.count
        cases = bank.allCases.count
        byDomain = Dictionary(grouping: all, by: \.domain).mapValues(\.count)
        byTask = Dictionary(grouping: all, by: \.task).mapValues(\.count)
        byType = Dictionary(grouping: all, by: \.type).mapValues(\.count)
        byStatus = Dictionary(grouping: all, by: \.status).mapValues(\.count)
        let scoredNeed = blueprint.scoredCounts, unscoredNeed = blueprint.unscoredCounts
        domains = blueprint.domains.map { domain in
            let mine = all.filter { $0.domain == domain.id }
            return DomainSupply(
                id: domain.id, name: domain.name, weight: domain.weight,
                scoredEligible: mine.filter { $0.status.isScoredEligible }.count,
                pretest: mine.filter { $0.status == .pretest }.count,
                scoredPerForm: scoredNeed[domain.id] ?? 0, unscoredPerForm: unscoredNeed[domain.id] ?? 0,
                tasks: domain.tasks.map { task in
                    TaskSupply(id: task.id, name: task.name,
                               scoredEligible: mine.filter { $0.task == task.id && $0.status.isScoredEligible }.count,
                               pretest: mine.filter { $0.task == task.id && $0.status == .pretest }.count)
                })
        }
        constraints = Self.constraints(bank: bank, blueprint: blueprint, all: all)
        skills = SkillCoverage.count(all, against: blueprint)
    }

    private static func constraints(bank: Bank, blueprint: Blueprint, all: [Item]) -> [ConstraintSupply] {
        let c = blueprint.constraints, scored = all.filter { $0.status.isScoredEligible }
        var found: [ConstraintSupply] = []
        if let minimum = c.minScoredPerTask, minimum > 0 {
            for task in blueprint.domains.flatMap(\.tasks) {
                found.append(ConstraintSupply(requirement: .task(task.id), have: scored.filter { $0.task == task.id }.count, minimumPerForm: minimum))
            }
        }
        for type in ItemType.allCases {
            guard let minimum = c.formats[type]?.min, minimum > 0 else { continue }
            found.append(ConstraintSupply(requirement: .format(type), have: scored.filter { $0.type == type }.count, minimumPerForm: minimum))
        }
        if let minimum = c.caseStudies?.min, minimum > 0 {
            // As assembly counts them: a case study goes on a form whole, so every item must be usable.
            let usable = bank.allCases.filter { study in
                !study.items.isEmpty && study.items.allSatisfy { $0.status.isScoredEligible || $0.status == .pretest }
            }
            found.append(ConstraintSupply(requirement: .caseStudies, have: usable.count, minimumPerForm: minimum))
        }
        return found
    }

    /// The largest number of disjoint forms the counts allow: the scarcest domain pool or
    /// blueprint minimum. An upper bound: enemies, whole case studies and format maximums
    /// can lower it, which assembly finds out.
    public var maxForms: Int {
        (domains.map(\.formsSupported) + constraints.map(\.formsSupported)).min() ?? 0
    }

    /// Every blueprint minimum that cannot be met on `forms` disjoint forms.
    public func constraintShortfalls(forms: Int) -> [ConstraintSupply] {
        constraints.filter { $0.have < forms * $0.minimumPerForm }
    }

    /// Every reason `forms` disjoint forms cannot be built, in the user's terms: domain
    /// pools first, then the blueprint's minimums.
    public func allShortfalls(forms: Int) -> [String] {
        shortfalls(forms: forms).map(\.description) + constraintShortfalls(forms: forms).map { $0.shortfall(forms: forms) }
    }

    /// The requirement that caps the number of forms (the one that runs out first; among
    /// those, the one with the smallest share of what `forms` forms need), in the user's
    /// terms; nil when `forms` forms are supported.
    public func binding(forms: Int) -> String? {
        typealias Candidate = (supported: Int, share: Double, text: String)
        func ratio(_ have: Int, _ need: Int) -> Double { Double(have) / Double(max(need, 1)) }
        let domain: [Candidate] = shortfalls(forms: forms).map { (s: Shortfall) -> Candidate in
            (supported: s.have / max(s.perForm, 1), share: ratio(s.have, s.perForm * forms), text: s.description)
        }
        let other: [Candidate] = constraintShortfalls(forms: forms).map { (c: ConstraintSupply) -> Candidate in
            (supported: c.formsSupported, share: ratio(c.have, c.minimumPerForm * forms), text: c.shortfall(forms: forms))
        }
        // Ties keep the listed order: domains first, then the blueprint's minimums.
        let all = domain + other
        func before(_ a: Int, _ b: Int) -> Bool {
            let x = all[a], y = all[b]
            if x.supported != y.supported { return x.supported < y.supported }
            if x.share != y.share { return x.share < y.share }
            return a < b
        }
        return all.indices.min(by: before).map { all[$0].text }
    }

    /// Every domain that cannot fill `forms` forms, with what it has and needs.
    public func shortfalls(forms: Int) -> [Shortfall] {
        domains.flatMap { domain -> [Shortfall] in
            var found: [Shortfall] = []
            if domain.scoredEligible < forms * domain.scoredPerForm {
                found.append(Shortfall(domain: domain.id, pool: .scored, have: domain.scoredEligible,
                                       perForm: domain.scoredPerForm, forms: forms))
            }
            if domain.pretest < forms * domain.unscoredPerForm {
                found.append(Shortfall(domain: domain.id, pool: .pretest, have: domain.pretest,
                                       perForm: domain.unscoredPerForm, forms: forms))
            }
            return found
        }
    }
}

public struct DomainSupply: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var weight: Double
    /// `operational` and `approved` items: what scored slots may use.
    public var scoredEligible: Int
    /// `pretest` items: what unscored slots may use.
    public var pretest: Int
    public var scoredPerForm: Int
    public var unscoredPerForm: Int
    public var tasks: [TaskSupply]

    /// Disjoint forms this domain alone could fill.
    public var formsSupported: Int {
        let byScored = scoredPerForm > 0 ? scoredEligible / scoredPerForm : Int.max
        let byPretest = unscoredPerForm > 0 ? pretest / unscoredPerForm : Int.max
        let forms = min(byScored, byPretest)
        return forms == Int.max ? 0 : forms
    }
}

/// One of the blueprint's optional minimums and the supply that can meet it.
public struct ConstraintSupply: Sendable, Equatable {
    public enum Requirement: Sendable, Equatable {
        /// `minScoredPerTask` for this task statement.
        case task(String)
        /// The format's `min` in `formats`.
        case format(ItemType)
        /// `caseStudies.min`.
        case caseStudies
    }

    public var requirement: Requirement
    /// Operational or approved items (tasks, formats) or usable case studies.
    public var have: Int
    public var minimumPerForm: Int

    public var formsSupported: Int { minimumPerForm > 0 ? have / minimumPerForm : Int.max }

    /// How the requirement is named in reports: "task 2.3", "format ordering", "case studies".
    public var name: String {
        switch requirement {
        case .task(let id): "task \(id)"
        case .format(let type): "format \(type.rawValue)"
        case .caseStudies: "case studies"
        }
    }

    /// What the blueprint asks for, per form.
    public var rule: String {
        switch requirement {
        case .task: "at least \(minimumPerForm) scored items per form"
        case .format: "at least \(minimumPerForm) scored items per form"
        case .caseStudies: "at least \(minimumPerForm) per form"
        }
    }

    /// "task 2.3 has 5 operational or approved items; at least 9 needed for 3 forms (3 per form)".
    public func shortfall(forms: Int) -> String {
        let need = forms == 1 ? "at least \(minimumPerForm) needed per form"
            : "at least \(minimumPerForm * forms) needed for \(forms) forms (\(minimumPerForm) per form)"
        switch requirement {
        case .task, .format: return "\(name) has \(have) operational or approved items; \(need)"
        case .caseStudies: return "the bank has \(have) usable case studies; \(need)"
        }
    }
}

public struct TaskSupply: Sendable, Equatable {
    public var id: String
    public var name: String
    public var scoredEligible: Int
    public var pretest: Int
}

/// One reason a number of forms cannot be built, in the user's terms.
public struct Shortfall: Sendable, Equatable, CustomStringConvertible {
    public enum Pool: String, Sendable { case scored, pretest }

    public var domain: Int
    public var pool: Pool
    public var have: Int
    public var perForm: Int
    public var forms: Int

    public var description: String {
        let what = pool == .scored ? "operational or approved" : "pretest"
        let need = perForm * forms
        let per = forms == 1 ? "needed per form" : "needed for \(forms) forms (\(perForm) per form)"
        return "domain \(domain) has \(have) \(what) items; \(need) \(per)"
    }
}

/// A knowledge or skill line of the blueprint and the items that test it: those, not
/// retired, that carry its id as a tag. Draft and review items count, since coverage is
/// about what the bank is writing towards, not what a form can draw today.
public struct SkillCoverage: Sendable, Equatable {
    public var id: String
    public var task: String
    public var text: String
    /// Item ids in bank order.
    public var items: [String]

    static func count(_ items: [Item], against blueprint: Blueprint) -> [SkillCoverage] {
        let skills = blueprint.skills
        guard !skills.isEmpty else { return [] }
        var claimed: [String: [String]] = [:]
        for item in items where item.status != .retired {
            for tag in Set(item.tags) { claimed[tag, default: []].append(item.id) }
        }
        return skills.map { SkillCoverage(id: $0.skill.id, task: $0.task.id, text: $0.skill.text, items: claimed[$0.skill.id] ?? []) }
    }
}
