import ArgumentParser
import QBankCore
import QBankRules

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every rule with its code, name, severity and summary.")

    @ArgumentParser.Option(help: "Output format: text or json.")
    var format: RuleDocFormat = .text

    func run() {
        Console.out(RuleDocs.render(BuiltInRules.descriptions, format: format))
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Show a rule's rationale and examples.")

    @Argument(help: "A rule code (QB101) or name (single-answer-key-count).")
    var rule: String

    @ArgumentParser.Option(help: "Output format: text or json.")
    var format: RuleDocFormat = .text

    func run() throws {
        let wanted = rule.lowercased()
        guard let description = BuiltInRules.descriptions.first(where: { $0.id.lowercased() == wanted || $0.name == wanted }) else {
            throw CLIError.usage("unknown rule '\(rule)'; run `qbank rules` to list them")
        }
        Console.out(RuleDocs.explain(description, options: BuiltInRules.defaultOptions(of: description.id), format: format))
    }
}
