import QBankCore
import QBankReports
import TestSupport

/// Three small assembled forms over `SmallBank`'s items, with a known overlap: form-1 and
/// form-2 share d1-0 (scored on both) and d1-1 (unscored on form-2); form-10 shares d1-0
/// with both, unscored. Named so that numeric order (form-2 before form-10) matters.
enum SmallForms {
    static var keys: [FormKey] {
        func slot(_ position: Int, _ id: String, _ scored: Bool) -> FormKey.Slot {
            let item = SmallBank.bank.allItems.first { $0.id == id }!
            return FormKey.Slot(position: position, id: id, domain: item.domain, task: item.task, type: item.type.rawValue, scored: scored, line: position + 3, column: 5)
        }
        return [
            FormKey(form: "form-10", blueprint: "MLA-C01", path: "forms/form-10.key.json", slots: [slot(1, "d1-0", false), slot(2, "d1-4", true)]),
            FormKey(form: "form-1", blueprint: "MLA-C01", path: "forms/form-1.key.json",
                    slots: [slot(1, "d1-2", true), slot(2, "d1-0", true), slot(3, "d2-0", false), slot(4, "d1-1", true), slot(5, "c-2", true)]),
            FormKey(form: "form-2", blueprint: "MLA-C01", path: "forms/form-2.key.json",
                    slots: [slot(1, "d1-0", true), slot(2, "d1-1", false), slot(3, "d1-3", true), slot(4, "d2-1", false)]),
        ]
    }

    static var facts: FormsFacts {
        try! FormsFacts(keys: keys, bank: SmallBank.bank, blueprint: Fixtures.mlaBlueprint)
    }

    /// Two forms of items with 3PL parameters, against a blueprint with ability points.
    static var irtFacts: FormsFacts {
        var blueprint = Fixtures.mlaBlueprint
        blueprint.constraints.information = InformationTarget(theta: [-1, 0, 1.5])
        func item(_ id: String, a: Double?, b: Double?) -> FormsFacts.Entry {
            var item = SmallBank.single(id, domain: 1, task: "1.1", p: 0.6)
            item.stats?.irtA = a
            item.stats?.irtB = b
            item.stats?.irtC = 0.2
            return FormsFacts.Entry(position: 1, item: item, scored: true)
        }
        return FormsFacts(blueprint: blueprint, forms: [
            FormsFacts.Form(name: "form-1", file: "form-1.key.json", entries: [item("i1", a: 1.2, b: -0.5), item("i2", a: 0.8, b: 0.7), item("i3", a: nil, b: nil)]),
            FormsFacts.Form(name: "form-2", file: "form-2.key.json", entries: [item("i4", a: 1.0, b: 0), item("i5", a: 1.1, b: 0.2)]),
        ])
    }
}
