import QBankCore
import Testing
@testable import QBankPsychometrics

struct TrueScoreEquatingTests {
    static let base = (0..<40).map { ItemParameters(a: 1 + Double($0 % 5) * 0.1, b: -1.5 + Double($0) * 0.075) }
    static let harder = base.map { ItemParameters(a: $0.a, b: $0.b + 0.4) }
    static let scale = ScoreScale(minimum: 100, maximum: 1000, cut: 720, cutFraction: 0.7, cutTheta: 0.3)

    @Test func harderFormHasALowerRawCutAndPassingMatchesTheScaledCut() {
        let same = ConversionTable(form: "form-1", items: Self.base, base: Self.base, scale: Self.scale, cutTheta: 0.3)
        let hard = ConversionTable(form: "form-2", items: Self.harder, base: Self.base, scale: Self.scale, cutTheta: 0.3)
        #expect(same.rawCut == Int(ConversionTable.trueScore(Self.base, at: 0.3).rounded(.up)))
        #expect(hard.rawCut < same.rawCut)
        for table in [same, hard] {
            #expect(table.rows.count == 41 && table.scaled(raw: 0) == 100 && table.scaled(raw: 40) == 1000)
            for row in table.rows {
                #expect((row.scaled >= 720) == (row.raw >= table.rawCut), "\(table.form) raw \(row.raw) → \(row.scaled), cut \(table.rawCut)")
            }
            #expect(zip(table.rows, table.rows.dropFirst()).allSatisfy { $0.scaled <= $1.scaled })
        }
        // The same raw score is worth more on the harder form.
        #expect(hard.scaled(raw: 20) > same.scaled(raw: 20))
        // Equated to itself, a raw score's θ has exactly that true score.
        let theta = same.rows[25].theta!
        #expect(abs(ConversionTable.trueScore(Self.base, at: theta) - 25) < 1e-6)
    }
}
