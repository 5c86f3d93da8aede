import Foundation
import QBankCore
import QBankRules
import Testing
import TestSupport

/// Conventions that keep rules findable: one rule per file, named after its type,
/// registered once, with a unique code and kebab-case name.
struct CodeOrganizationTests {
    @Test func everyRuleFileIsRegistered() throws {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Sources/QBankRules/Rules")
        let walker = try #require(FileManager.default.enumerator(atPath: folder.path))
        let files = walker.compactMap { $0 as? String }.filter { $0.hasSuffix("Rule.swift") }
        let registered = Set(BuiltInRules.all.map { String(describing: $0) })
        #expect(!files.isEmpty)
        for file in files {
            let typeName = String((file as NSString).lastPathComponent.dropLast(".swift".count))
            #expect(registered.contains(typeName), "\(typeName) is not listed in BuiltInRules.all")
        }
        #expect(files.count == BuiltInRules.all.count, "BuiltInRules.all lists a rule with no file of its own")
    }

    @Test func codesAndNamesAreUniqueAndWellFormed() {
        let rules = BuiltInRules.descriptions
        #expect(Set(rules.map(\.id)).count == rules.count)
        #expect(Set(rules.map(\.name)).count == rules.count)
        for rule in rules {
            #expect(rule.id.wholeMatch(of: /QB\d{3}/) != nil, "\(rule.id) is not QBnnn")
            #expect(rule.name.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(rule.name) is not kebab-case")
            #expect(rule.summary.hasSuffix("."), "\(rule.id) summary must end with a period")
            #expect(!rule.rationale.isEmpty)
        }
    }

    @Test func codeRangesMatchCategories() {
        for rule in BuiltInRules.descriptions {
            let hundreds = rule.id.dropFirst(2).first
            let expected: Character = switch rule.category {
            case .syntax: "0"
            case .structure: "1"
            case .stem: "2"
            case .options: "3"
            case .typeSpecific: "4"
            case .bank: "5"
            case .statistics: "6"
            case .suppression: "9"
            }
            #expect(hundreds == expected, "\(rule.id) is in category \(rule.category)")
        }
    }
}
