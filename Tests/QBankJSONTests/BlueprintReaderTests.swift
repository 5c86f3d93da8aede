import Foundation
import QBankCore
import QBankJSON
import Testing

@Suite struct BlueprintReaderTests {
    func read(_ url: URL) -> BlueprintReader.Result { BlueprintReader().read(JSONFixtures.bytes(url), path: url.lastPathComponent) }

    @Test func realBlueprintReads() throws {
        // The bank's own file when the tree has it, else the fixture copy of it.
        let real = JSONFixtures.packageRoot.appendingPathComponent("Banks/mla-c01/blueprint.json")
        let url = FileManager.default.fileExists(atPath: real.path) ? real
            : JSONFixtures.directory.appendingPathComponent("blueprint/valid/mla-c01.json")
        let result = read(url)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let bp = try #require(result.blueprint)
        #expect(bp.exam == "MLA-C01" && bp.form == FormSpec(length: 65, scored: 50, unscored: 15))
        #expect(bp.domains.map(\.weight) == [28, 26, 22, 24] && bp.domains.allSatisfy { $0.tasks.count == 3 })
        #expect(bp.scoredCounts == [1: 14, 2: 13, 3: 11, 4: 12] && bp.unscoredCounts == [1: 4, 2: 4, 3: 3, 4: 4])
    }

    @Test(arguments: JSONFixtures.files("blueprint/invalid") + JSONFixtures.files("blueprint/inconsistent"))
    func invalidBlueprintsAreRejected(url: URL) throws {
        let (line, column) = try #require(JSONFixtures.expectedPosition(url))
        let result = read(url)
        #expect(result.blueprint == nil)
        #expect(result.diagnostics.allSatisfy { $0.ruleID == "QB002" })
        #expect(result.diagnostics.contains { $0.location.line == line && $0.location.column == column },
                "\(url.lastPathComponent): \(result.diagnostics.map { "\($0.location) \($0.message)" })")
    }

    @Test func parseErrorsAreQB001() {
        let r = BlueprintReader().read(Array("{\"exam\": }".utf8), path: "b.json")
        #expect(r.blueprint == nil && r.diagnostics.first?.ruleID == "QB001")
    }
}

@Suite struct BlueprintConstraintsReaderTests {
    @Test func optionalConstraintsAndScoringAreRead() throws {
        let url = JSONFixtures.directory.appendingPathComponent("blueprint/valid/constraints.json")
        let result = BlueprintReader().read(JSONFixtures.bytes(url), path: "constraints.json")
        let bp = try #require(result.blueprint, "\(result.diagnostics)")
        let c = bp.constraints
        #expect(c.formats[.single] == CountRange(min: 4, max: 8) && c.formats[.multiple] == CountRange(max: 3))
        #expect(c.formats[.ordering] == CountRange(min: 1) && c.formats[.matching] == CountRange())
        #expect(c.minScoredPerTask == 2 && c.caseStudies == CountRange(min: 0, max: 1))
        #expect(c.difficulty == DifficultyWindow(minMeanP: 0.5, maxMeanP: 0.8))
        #expect(c.information?.theta == [-0.5, 0, 0.5])
        #expect(bp.scoring == ScoreScale(minimum: 100, maximum: 1000, cut: 720, cutFraction: 0.7))
    }

    @Test func skillLinesAreReadInOrder() throws {
        let url = JSONFixtures.directory.appendingPathComponent("blueprint/valid/skills.json")
        let bp = try #require(BlueprintReader().read(JSONFixtures.bytes(url), path: "skills.json").blueprint)
        #expect(bp.domains[0].tasks[0].skills == [SkillStatement(id: "1.1.k1", text: "Data formats"),
                                                  SkillStatement(id: "1.1.s1", text: "Choose a format by access pattern")])
        #expect(bp.skills.map(\.task.id) == ["1.1", "1.1"] && bp.domains[0].tasks[1].skills.isEmpty)
        #expect(bp.taskClaimed(byTag: "1.1.s9")?.id == "1.1" && bp.taskClaimed(byTag: "1.1") == nil && bp.taskClaimed(byTag: "s3") == nil)
    }

    @Test func blueprintsWithoutThemGetDefaults() throws {
        let url = JSONFixtures.directory.appendingPathComponent("blueprint/valid/minimal.json")
        let bp = try #require(BlueprintReader().read(JSONFixtures.bytes(url), path: "minimal.json").blueprint)
        #expect(bp.constraints == .none && bp.scoring == .standard)
    }
}
