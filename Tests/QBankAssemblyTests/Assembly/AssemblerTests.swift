import QBankAssembly
import QBankCore
import QBankHiGHS
import Testing
import TestSupport

@Suite struct AssemblerTests {
    let pool = AssemblyPool(bank: SmallAssemblyBank.bank, blueprint: SmallAssemblyBank.blueprint)

    func assemble(_ request: AssemblyRequest) throws -> AssemblyOutcome {
        try Assembler(solver: HiGHSSolver()).assemble(pool, request)
    }

    @Test func poolKeepsCasesWholeAndLeavesDraftsOut() {
        let ids = pool.units.map(\.id)
        #expect(ids.contains("case-1") && !ids.contains("case-1-a") && !ids.contains("draft-1"))
        #expect(pool.units.first { $0.id == "case-1" }?.items.count == 2)
        #expect(pool.enemyPairs.count == 1)
    }

    @Test func twoDisjointFormsMeetTheBlueprint() throws {
        let outcome = try assemble(AssemblyRequest(forms: 2, seed: 1))
        #expect(outcome.forms.count == 2 && outcome.steps.allSatisfy { $0.status == .optimal })
        for f in 0..<2 {
            let items = outcome.items(of: f)
            #expect(items.count == 8)
            #expect(items.filter { $0.slot == .scored && $0.item.domain == 1 }.count == 3)
            #expect(items.filter { $0.slot == .unscored }.allSatisfy { $0.item.status == .pretest })
            let ids = Set(items.map(\.item.id))
            #expect(!(ids.contains("d1-1") && ids.contains("d1-3")))
            #expect(ids.contains("case-1-a") == ids.contains("case-1-b"))
            #expect(items.filter { $0.slot == .scored && $0.item.type == .single }.count >= 2)
        }
        #expect(outcome.overlap(0, 1) == 0)
        if case .meanPValue(let target) = outcome.target { #expect(abs(target - 0.675) < 1e-9) } else { Issue.record("target") }
    }

    @Test func overlapIsBoundedWhenAllowed() throws {
        let outcome = try assemble(AssemblyRequest(forms: 3, seed: 2, maxOverlap: 2))
        for a in 0..<3 { for b in 0..<3 where a < b { #expect(outcome.overlap(a, b) <= 2) } }
    }

    @Test func tooManyFormsAreExplainedInTheBlueprintsTerms() {
        #expect {
            try assemble(AssemblyRequest(forms: 4, seed: 1))
        } throws: { error in
            guard case AssemblyError.infeasible(_, _, let reasons) = error else { return false }
            return reasons.contains("domain 1 has 3 pretest items; 4 needed for 4 forms (1 per form)")
        }
    }

    /// Counts suffice, but no 6 scored items reach a mean p-value of 0.85: the supply
    /// check passes and the elastic copy names the requirement.
    @Test func elasticCopyNamesTheBindingRequirement() {
        var blueprint = SmallAssemblyBank.blueprint
        blueprint.constraints.difficulty = DifficultyWindow(minMeanP: 0.85, maxMeanP: 0.95)
        let pool = AssemblyPool(bank: SmallAssemblyBank.bank, blueprint: blueprint)
        #expect {
            try Assembler(solver: HiGHSSolver()).assemble(pool, AssemblyRequest(forms: 1, seed: 1))
        } throws: { error in
            guard case AssemblyError.infeasible(_, _, let reasons) = error else { return false }
            return reasons == ["difficulty: the mean p-value of the scored items must lie in [0.85, 0.95], which the available items with p-values cannot reach together with the other constraints"]
        }
    }

    /// Information needs IRT parameters; without them the forms are made parallel by mean p-value.
    @Test func informationWithoutIRTParametersFallsBackToPValues() throws {
        var blueprint = SmallAssemblyBank.blueprint
        blueprint.constraints.information = InformationTarget(theta: [0])
        let pool = AssemblyPool(bank: SmallAssemblyBank.bank, blueprint: blueprint)
        #expect(!pool.hasInformation)
        guard case .meanPValue = Assembler.target(for: pool) else { Issue.record("target \(Assembler.target(for: pool))"); return }
        let outcome = try Assembler(solver: HiGHSSolver()).assemble(pool, AssemblyRequest(forms: 1, seed: 1))
        #expect(outcome.boundStep == nil && outcome.target.name == "mean-p-value")
    }

    @Test func sameSeedSameForms() throws {
        let a = try assemble(AssemblyRequest(forms: 2, seed: 9)), b = try assemble(AssemblyRequest(forms: 2, seed: 9))
        #expect(a.forms == b.forms)
        let order = { (o: AssemblyOutcome) in DeliveredForm(o, form: 0).items.map(\.item.id) }
        #expect(order(a) == order(b))
    }

    @Test func deliveryKeepsCaseItemsTogetherAndNeverShowsStepsInKeyOrder() throws {
        for seed in 0..<6 {
            let outcome = try assemble(AssemblyRequest(forms: 2, seed: UInt64(seed)))
            for f in 0..<2 {
                let form = DeliveredForm(outcome, form: f)
                #expect(form.items.map(\.position) == Array(1...8))
                let casePositions = form.items.filter { $0.caseID != nil }.map(\.position)
                if let first = casePositions.first { #expect(casePositions == Array(first..<(first + casePositions.count))) }
                for entry in form.items {
                    if case .ordering = entry.item.body { #expect(entry.order != Array(entry.order.indices)) }
                    if case .matching = entry.item.body { #expect(entry.promptOrder == [0, 1, 2]) } // shuffle: false
                }
            }
        }
    }
}
