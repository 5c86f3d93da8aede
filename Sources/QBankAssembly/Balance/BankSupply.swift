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
    }

    /// The largest number of disjoint forms the counts allow. An upper bound: enemies,
    /// whole case studies and task bounds can lower it, which assembly finds out.
    public var maxForms: Int {
        domains.map(\.formsSupported).min() ?? 0
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
