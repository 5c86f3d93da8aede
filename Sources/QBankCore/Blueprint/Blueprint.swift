/// What a form of an exam must contain. Read from `blueprint.json`; nothing about a
/// particular exam is hard-coded in qbank.
public struct Blueprint: Hashable, Sendable {
    /// Exam code, e.g. `MLA-C01`.
    public var exam: String
    public var title: String?
    public var form: FormSpec
    public var domains: [BlueprintDomain]
    /// Optional assembly constraints beyond the domain counts.
    public var constraints: FormConstraints
    /// How raw scores map to the reported scale.
    public var scoring: ScoreScale
    public var origin: Origin

    /// What a pretest item's statistics must show before `qbank promote` makes it operational.
    public var promotion: PromotionCriteria = PromotionCriteria()

    public init(exam: String, title: String? = nil, form: FormSpec, domains: [BlueprintDomain],
                constraints: FormConstraints = .none, scoring: ScoreScale = .standard, origin: Origin = .unknown) {
        self.exam = exam
        self.title = title
        self.form = form
        self.domains = domains
        self.constraints = constraints
        self.scoring = scoring
        self.origin = origin
    }

    public func domain(_ id: Int) -> BlueprintDomain? { domains.first { $0.id == id } }

    /// The domain a task statement belongs to, if the blueprint lists it.
    public func domain(ofTask task: String) -> BlueprintDomain? {
        domains.first { $0.tasks.contains { $0.id == task } }
    }

    /// Every knowledge and skill line, in blueprint order, with the task it sits under.
    public var skills: [(task: TaskStatement, skill: SkillStatement)] {
        domains.flatMap(\.tasks).flatMap { task in task.skills.map { (task: task, skill: $0) } }
    }

    /// The task whose id prefixes `tag` (`1.1.s3` → task `1.1`): the tag is meant as one of
    /// its skill lines, declared or not.
    public func taskClaimed(byTag tag: String) -> TaskStatement? {
        // Task ids start with a digit; most tags ("s3", "sagemaker") do not, and are answered at once.
        guard let first = tag.utf8.first, (0x30...0x39).contains(first) else { return nil }
        for domain in domains {
            for task in domain.tasks where tag.utf8.count > task.id.utf8.count + 1
                && tag.hasPrefix(task.id) && tag.utf8[tag.utf8.index(tag.utf8.startIndex, offsetBy: task.id.utf8.count)] == 0x2E {
                return task
            }
        }
        return nil
    }

    /// Whether any task lists knowledge or skill lines (rules that check skill tags are silent otherwise).
    public var listsSkills: Bool { domains.contains { $0.tasks.contains { !$0.skills.isEmpty } } }

    /// Scored items per domain on one form, by largest remainder over the weights.
    public var scoredCounts: [Int: Int] { counts(for: form.scored) }
    /// Unscored (pretest) items per domain on one form.
    public var unscoredCounts: [Int: Int] { counts(for: form.unscored) }

    /// Items per domain for `total` slots, apportioned by weight.
    public func counts(for total: Int) -> [Int: Int] { Self.apportion(total, over: domains) }

    public static func apportion(_ total: Int, over domains: [BlueprintDomain]) -> [Int: Int] {
        let shares = LargestRemainder.apportion(total, weights: domains.map(\.weight))
        var counts: [Int: Int] = [:]
        for (domain, share) in zip(domains, shares) where counts[domain.id] == nil { counts[domain.id] = share }
        return counts
    }
}

public struct FormSpec: Hashable, Sendable {
    public var length: Int
    public var scored: Int
    public var unscored: Int

    public init(length: Int, scored: Int, unscored: Int) {
        self.length = length
        self.scored = scored
        self.unscored = unscored
    }
}

public struct BlueprintDomain: Hashable, Sendable {
    public var id: Int
    public var name: String
    /// Relative weight (e.g. 28 for 28%). Weights need not sum to 100.
    public var weight: Double
    public var tasks: [TaskStatement]

    public init(id: Int, name: String, weight: Double, tasks: [TaskStatement]) {
        self.id = id
        self.name = name
        self.weight = weight
        self.tasks = tasks
    }
}

public struct TaskStatement: Hashable, Sendable {
    /// e.g. `2.3`.
    public var id: String
    public var name: String
    /// The exam guide's knowledge and skill lines under this task, in guide order. Items
    /// claim one by carrying its id as a tag, which is how coverage is counted.
    public var skills: [SkillStatement]

    public init(id: String, name: String, skills: [SkillStatement] = []) {
        self.id = id
        self.name = name
        self.skills = skills
    }
}

/// One knowledge or skill line of an exam guide, e.g. `1.1.s3` "Merge data from several
/// sources". Its id starts with its task's id and a dot, and is a valid item tag.
public struct SkillStatement: Hashable, Sendable {
    public var id: String
    public var text: String

    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}
