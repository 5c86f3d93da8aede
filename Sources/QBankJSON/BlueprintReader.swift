import QBankCore

/// Reads `blueprint.json`: strict parse (QB001), the shape of
/// `Schemas/blueprint.schema.json` (QB002), then what a schema cannot say (also QB002):
/// domain and task ids unique, each task's `D.` prefix equal to its domain, and
/// `length == scored + unscored`, and that the optional constraints can fit in a form. The blueprint is returned only when all of it holds,
/// since every count derived from it would otherwise be wrong.
public struct BlueprintReader: Sendable {
    public struct Result: Sendable {
        public var blueprint: Blueprint?
        public var diagnostics: [Diagnostic]
    }

    /// Forms longer than any real exam are refused where they are read, so no count derived from them can overflow.
    public static let maximumFormLength = 10_000

    public init() {}

    public func read(_ bytes: [UInt8], path: String) -> Result {
        if bytes.isEmpty {
            return Result(blueprint: nil, diagnostics: [
                Diagnostic(ReaderRules.syntaxError, "file is empty; a blueprint is a JSON object with 'exam', 'form' and 'domains'",
                           at: SourceLocation(file: path, line: 1, column: 1)),
            ])
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            return Result(blueprint: nil, diagnostics: [SchemaContext.syntaxDiagnostic(error, path: path)])
        }
        let context = SchemaContext(path: path)
        let blueprint = build(root, context)
        return Result(blueprint: context.diagnostics.isEmpty ? blueprint : nil, diagnostics: context.diagnostics)
    }

    private func build(_ root: JSONValue, _ context: SchemaContext) -> Blueprint? {
        guard let o = ObjectView(root, context, subject: "", itemID: nil, known: ["$schema", "exam", "title", "form", "domains", "constraints", "scoring", "promotion"],
                                 required: ["exam", "form", "domains"], noun: "a blueprint") else { return nil }
        _ = o.string("$schema")
        let exam = o.string("exam")
        if let exam, exam.stringValue == "" { o.report("'exam' must not be empty", at: exam.position) }
        let title = o.string("title")?.stringValue
        let form = o.member("form").flatMap { buildForm($0.value, context) }
        var domains: [BlueprintDomain] = []
        var seenDomains: [Int: JSONPosition] = [:], seenTasks: [String: JSONPosition] = [:], seenSkills: [String: JSONPosition] = [:]
        for (index, value) in (o.array("domains", minItems: 1)?.arrayValue ?? []).enumerated() {
            guard let d = ObjectView(value, context, subject: "domain #\(index + 1)", itemID: nil,
                                     known: ["id", "name", "weight", "tasks"], required: ["id", "name", "weight", "tasks"],
                                     noun: "a domain") else { continue }
            let id = d.integer("id", 1...99, rule: "must be an integer from 1 to 99")
            if let id, let first = seenDomains[id] {
                d.report("domain id \(id) is already used (first at \(first)); domain ids must be unique", at: d.member("id")!.value.position)
            } else if let id { seenDomains[id] = d.member("id")!.value.position }
            let name = d.string("name")?.stringValue
            let weight = d.number("weight", min: 0, max: 1_000_000, exclusiveMin: true, rule: "must be greater than 0 and at most 1000000")
            var tasks: [TaskStatement] = []
            for (k, taskValue) in (d.array("tasks", minItems: 1)?.arrayValue ?? []).enumerated() {
                guard let t = ObjectView(taskValue, context, subject: "domain #\(index + 1), task #\(k + 1)", itemID: nil,
                                         known: ["id", "name", "skills"], required: ["id", "name"], noun: "a task") else { continue }
                let tid = t.string("id", matching: Patterns.isTask, rule: "must be a task statement 'D.T' such as '2.3'")
                if let tid, let s = tid.stringValue, Patterns.isTask(s) {
                    if let first = seenTasks[s] {
                        t.report("task id '\(s)' is already used (first at \(first)); task ids must be unique", at: tid.position)
                    } else { seenTasks[s] = tid.position }
                    if let id, !s.hasPrefix("\(id).") {
                        t.report("task '\(s)' must start with its domain id '\(id).'", at: tid.position)
                    }
                }
                let skills = tid?.stringValue.map { buildSkills(t, task: $0, seen: &seenSkills) } ?? []
                if let s = tid?.stringValue, let n = t.string("name")?.stringValue { tasks.append(TaskStatement(id: s, name: n, skills: skills)) }
            }
            if let id, let name, let weight { domains.append(BlueprintDomain(id: id, name: name, weight: weight, tasks: tasks)) }
        }
        let scoredCounts = form.map { Blueprint.apportion($0.scored, over: domains) } ?? [:]
        let constraints = o.member("constraints").map { buildConstraints($0.value, form: form, domains: domains, scoredCounts: scoredCounts, context) } ?? .none
        let scoring = o.member("scoring").map { buildScoring($0.value, context) } ?? .standard
        let promotion = o.member("promotion").map { buildPromotion($0.value, context) } ?? PromotionCriteria()
        guard let exam = exam?.stringValue, let form else { return nil }
        var blueprint = Blueprint(exam: exam, title: title, form: form, domains: domains, constraints: constraints, scoring: scoring,
                                  origin: context.origin(root.position))
        blueprint.promotion = promotion
        return blueprint
    }

    /// A task's optional `skills`: `{ "id": "1.1.s3", "text": "…" }`, each id the task's id, a
    /// dot and a tag-safe suffix, unique across the blueprint, so an item can claim it as a tag.
    private func buildSkills(_ task: ObjectView, task taskID: String, seen: inout [String: JSONPosition]) -> [SkillStatement] {
        var skills: [SkillStatement] = []
        for (index, value) in (task.array("skills", minItems: 0)?.arrayValue ?? []).enumerated() {
            guard let o = ObjectView(value, task.context, subject: "task \(taskID), skill #\(index + 1)", itemID: nil,
                                     known: ["id", "text"], required: ["id", "text"], noun: "a skill") else { continue }
            let rule = "must be the task id, a dot and a lower-case suffix such as '\(taskID).s1' (a valid tag)"
            let id = o.string("id", matching: { Patterns.isTag($0) && $0.hasPrefix(taskID + ".") && $0.count > taskID.count + 1 }, rule: rule)
            let text = o.string("text")
            if let text, text.stringValue == "" { o.report("'text' must not be empty", at: text.position) }
            guard let id, let s = id.stringValue, Patterns.isTag(s), s.hasPrefix(taskID + "."), s.count > taskID.count + 1 else { continue }
            if let first = seen[s] {
                o.report("skill id '\(s)' is already used (first at \(first)); skill ids must be unique", at: id.position)
                continue
            }
            seen[s] = id.position
            if let t = text?.stringValue, !t.isEmpty { skills.append(SkillStatement(id: s, text: t)) }
        }
        return skills
    }

    private func buildForm(_ value: JSONValue, _ context: SchemaContext) -> FormSpec? {
        guard let f = ObjectView(value, context, subject: "form", itemID: nil, known: ["length", "scored", "unscored"],
                                 required: ["length", "scored", "unscored"], noun: "'form'") else { return nil }
        let length = f.integer("length", 1...Self.maximumFormLength, rule: "must be an integer from 1 to \(Self.maximumFormLength)")
        let scored = f.integer("scored", 0...Self.maximumFormLength, rule: "must be an integer from 0 to \(Self.maximumFormLength)")
        let unscored = f.integer("unscored", 0...Self.maximumFormLength, rule: "must be an integer from 0 to \(Self.maximumFormLength)")
        guard let length, let scored, let unscored else { return nil }
        if scored + unscored != length {
            f.report("'length' (\(length)) must equal scored + unscored (\(scored) + \(unscored))", at: f.member("length")!.value.position)
        }
        return FormSpec(length: length, scored: scored, unscored: unscored)
    }
}
