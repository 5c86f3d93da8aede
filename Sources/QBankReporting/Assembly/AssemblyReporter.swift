import QBankAssembly
import QBankCore

/// `assembly.json` and `assembly.md`: per form the counts by domain, task, format and
/// slot, the overlap matrix, the parallelism figures and how each solve went. Wall time
/// is left out so that the files are byte-identical for the same bank, blueprint and
/// seed; `qbank assemble` prints it on stderr instead.
public enum AssemblyReporter {
    public static func json(_ outcome: AssemblyOutcome) -> String {
        let bp = outcome.pool.blueprint, p = outcome.parallelism
        let forms: [JSONValue] = outcome.forms.indices.map { f in
            let items = outcome.items(of: f)
            let scored = items.filter { $0.slot == .scored }
            var fields: [String: JSONValue] = [
                "form": .string(DeliveredForm.name(f + 1)), "items": .int(items.count), "scored": .int(scored.count),
                "unscored": .int(items.count - scored.count),
                "byDomain": .object(Dictionary(uniqueKeysWithValues: bp.domains.map { d in
                    (String(d.id), JSONValue.object([
                        "scored": .int(scored.filter { $0.item.domain == d.id }.count),
                        "unscored": .int(items.filter { $0.slot == .unscored && $0.item.domain == d.id }.count),
                    ]))
                })),
                "byTask": .object(Dictionary(grouping: scored, by: \.item.task).mapValues { .int($0.count) }),
                "byType": .object(Dictionary(grouping: scored, by: \.item.type.rawValue).mapValues { .int($0.count) }),
                "caseStudies": .array(outcome.forms[f].compactMap { outcome.pool.units[$0].caseStudy.map { .string($0.id) } }),
            ]
            if let mean = outcome.meanPValue(of: f) { fields["meanPValue"] = .double(mean) }
            if case .information(let thetas) = outcome.target {
                fields["information"] = .array(thetas.map { .object(["theta": .double($0), "value": .double(outcome.information(of: f, at: $0))]) })
            }
            return .object(fields)
        }
        let steps: [JSONValue] = ((outcome.boundStep.map { [$0] } ?? []) + outcome.steps).map { s in
            .object([
                "form": .string(stepName(s)), "status": .string(s.status.rawValue), "objective": .double(s.objective),
                "bound": .double(s.bound), "gap": .double(s.gap), "nodes": .int(s.nodes), "columns": .int(s.columns),
                "rows": .int(s.rows), "rowsVerified": .int(s.rowsChecked),
            ])
        }
        var parallelism: [String: JSONValue] = [
            "measure": .string(p.measure), "targets": .array(p.targets.map { .double($0) }), "largestDeviation": .double(p.largestDeviation),
        ]
        if let weakest = p.weakest { parallelism["weakest"] = .double(weakest) }
        if let bound = p.upperBound { parallelism["upperBound"] = .double(bound) }
        let r = outcome.request
        return JSONValue.object([
            "blueprint": .string(bp.exam), "seed": .int(Int(clamping: r.seed)), "forms": .array(forms),
            "request": .object([
                "forms": .int(r.forms), "maxOverlap": .int(r.maxOverlap), "maxExposure": .int(r.maxExposure),
                "relativeGap": .double(r.options.relativeGap), "timeLimit": .double(r.options.timeLimit),
            ]),
            "solver": .object(["name": .string(outcome.solver), "strategy": .string("shadow-test sequential"), "steps": .array(steps)]),
            "overlap": .array(outcome.forms.indices.map { a in .array(outcome.forms.indices.map { b in .int(a == b ? outcome.items(of: a).filter { $0.slot == .scored }.count : outcome.overlap(a, b)) }) }),
            "parallelism": .object(parallelism),
        ]).rendered()
    }

    public static func markdown(_ outcome: AssemblyOutcome) -> String {
        let bp = outcome.pool.blueprint, n = outcome.forms.count
        let names = (1...n).map(DeliveredForm.name)
        var out = "# \(bp.exam): \(n) form\(n == 1 ? "" : "s"), seed \(outcome.request.seed)\n\n"
        out += "Solver: \(outcome.solver), shadow-test sequential assembly; parallel by \(outcome.target.name).\n\n"
        out += "| | " + names.joined(separator: " | ") + " |\n|---|" + String(repeating: "---|", count: n) + "\n"
        func row(_ label: String, _ value: (Int) -> String) { out += "| \(label) | " + (0..<n).map(value).joined(separator: " | ") + " |\n" }
        let items = (0..<n).map { outcome.items(of: $0) }
        row("items") { String(items[$0].count) }
        row("scored / unscored") { f in "\(items[f].filter { $0.slot == .scored }.count) / \(items[f].filter { $0.slot == .unscored }.count)" }
        for d in bp.domains {
            row("domain \(d.id) scored / unscored") { f in
                "\(items[f].filter { $0.slot == .scored && $0.item.domain == d.id }.count) / \(items[f].filter { $0.slot == .unscored && $0.item.domain == d.id }.count)"
            }
        }
        for task in bp.domains.flatMap(\.tasks) { row("task \(task.id) scored") { f in String(items[f].filter { $0.slot == .scored && $0.item.task == task.id }.count) } }
        for type in ItemType.allCases { row("\(type.rawValue) scored") { f in String(items[f].filter { $0.slot == .scored && $0.item.type == type }.count) } }
        row("case studies") { f in String(outcome.forms[f].filter { outcome.pool.units[$0].caseStudy != nil }.count) }
        if outcome.forms.indices.contains(where: { outcome.meanPValue(of: $0) != nil }) {
            row("mean p-value") { f in outcome.meanPValue(of: f).map { format($0, 3) } ?? "–" }
        }
        if case .information(let thetas) = outcome.target {
            for theta in thetas { row("information at θ = \(format(theta, 2))") { f in format(outcome.information(of: f, at: theta), 2) } }
        }
        out += "\n## Overlap (scored items shared)\n\n| | " + names.joined(separator: " | ") + " |\n|---|" + String(repeating: "---|", count: n) + "\n"
        for a in 0..<n { out += "| \(names[a]) | " + (0..<n).map { b in a == b ? "–" : String(outcome.overlap(a, b)) }.joined(separator: " | ") + " |\n" }
        let p = outcome.parallelism
        out += "\n## Parallelism\n\n"
        switch outcome.target {
        case .information:
            out += "Largest deviation of a form's information from the mean over forms: \(format(p.largestDeviation * 100, 2))%."
            if let weakest = p.weakest, let bound = p.upperBound, bound > 0 {
                out += " Weakest form and θ: \(format(weakest, 3)); proven upper bound \(format(bound, 3)) (\(format(100 * (1 - weakest / bound), 2))% below)."
            }
            out += "\n"
        case .meanPValue(let target):
            out += "Target mean p-value \(format(target, 3)); largest deviation of a form: \(format(p.largestDeviation, 3)).\n"
        case .none:
            out += "The bank has no statistics; forms are parallel in content only.\n"
        }
        out += "\n## Solves\n\n| form | status | objective | bound | gap | nodes | columns | rows verified |\n|---|---|---|---|---|---|---|---|\n"
        for s in (outcome.boundStep.map { [$0] } ?? []) + outcome.steps {
            out += "| \(stepName(s)) | \(s.status.rawValue) | \(format(s.objective, 4)) | \(format(s.bound, 4)) | \(format(s.gap * 100, 3))% | \(s.nodes) | \(s.columns) | \(s.rowsChecked) |\n"
        }
        return out
    }

    /// Step 0 is the shadow test for all forms that proves the bound and sets the target.
    static func stepName(_ step: StepReport) -> String { step.form == 0 ? "shadow test (bound)" : DeliveredForm.name(step.form) }

    static func format(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        let negative = rounded < 0
        let whole = Int(abs(rounded)), fraction = Int(((abs(rounded) - Double(whole)) * scale).rounded())
        var text = String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: max(0, decimals - digits.count)) + digits
        }
        return (negative && rounded != 0 ? "-" : "") + text
    }
}
