import ArgumentParser
import Foundation
import QBankRules
import QBankCore
import QBankRules

enum RuleDocFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Renders rule documentation for `qbank rules` and `qbank explain` from the rules'
/// own declarations, so docs and tests can never disagree.
enum RuleDocs {
    static func render(_ rules: [RuleDescription], format: RuleDocFormat) -> String {
        switch format {
        case .json:
            return json(rules.map(summaryObject))
        case .text:
            let nameWidth = rules.map(\.name.count).max() ?? 0
            let lines = rules.map { rule in
                let name = rule.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                let fix = FixableRules.applicability[rule.id] == nil ? "   " : "fix"
                return "\(rule.id)  \(name)  \(severity)  \(fix)  \(rule.summary)"
            }
            return lines.joined(separator: "\n")
                + "\n\n\(rules.count) rules; \"fix\": `qbank lint --fix` repairs its findings. `qbank explain CODE` shows one in full.\n"
        }
    }

    static func explain(_ rule: RuleDescription, options: [String: RuleOptionValue]? = nil, format: RuleDocFormat) -> String {
        switch format {
        case .json:
            var object = summaryObject(rule)
            object["rationale"] = rule.rationale
            object["triggeringExamples"] = rule.triggeringExamples.map(exampleObject)
            object["nonTriggeringExamples"] = rule.nonTriggeringExamples.map(exampleObject)
            if let options { object["options"] = options.mapValues(\.description) }
            return json(object)
        case .text:
            var out = "\(rule.id) \(rule.name) (\(rule.category.rawValue), default severity \(rule.severity.rawValue))\n\n"
            out += "\(rule.summary)\n\n\(rule.rationale)\n"
            if let note = FixableRules.note(for: rule) { out += "\n\(note)\n" }
            out += section("Triggers on", rule.triggeringExamples)
            out += section("Does not trigger on", rule.nonTriggeringExamples)
            if let options, !options.isEmpty {
                out += "\nOptions (qbank.json: \"rules\": {\"\(rule.id)\": {\"options\": {…}}}), with their defaults:\n"
                out += options.keys.sorted().map { "    \($0) = \(options[$0]!)\n" }.joined()
            }
            out += "\nDocs: \(rule.helpURI)\n"
            return out
        }
    }

    private static func section(_ title: String, _ examples: [RuleExample]) -> String {
        guard !examples.isEmpty else { return "" }
        return examples.map { example in
            let body = example.source.split(separator: "\n", omittingEmptySubsequences: false).map { "    \($0)" }.joined(separator: "\n")
            return "\n\(title) (\(example.syntax.rawValue)):\n\(body)\n"
        }.joined()
    }

    private static func summaryObject(_ rule: RuleDescription) -> [String: Any] {
        ["id": rule.id, "name": rule.name, "category": rule.category.rawValue, "severity": rule.severity.rawValue,
         "summary": rule.summary, "helpUri": rule.helpURI, "fix": FixableRules.applicability[rule.id]?.rawValue ?? NSNull()]
    }

    private static func exampleObject(_ example: RuleExample) -> [String: Any] {
        ["syntax": example.syntax.rawValue, "source": example.source]
    }

    private static func json(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            return "{}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
