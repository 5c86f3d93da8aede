import QBankCore

/// An assembled form as export content: the key's items, in its delivery order, taken from
/// the bank the form was assembled from (the key says which items and where; the bank has
/// their text and the answers QTI needs for scoring). A case study's items, which assembly
/// keeps together, become one case block.
public enum FormContent {
    /// Refuses, at the key's file:line:col, a key that does not describe a whole form: no items,
    /// positions that repeat or skip, a length other than the blueprint's, an item missing from
    /// the bank or changed since assembly, and a case study split or missing some of its items.
    public static func content(_ key: FormKey, bank: Bank, blueprint: Blueprint?, title: String) throws(ExportError) -> ExportContent {
        guard let firstSlot = key.slots.first else { throw ExportError("\(key.path):1:1: the key lists no items; export a key that qbank assemble wrote") }
        let slots = key.slots.sorted { $0.position < $1.position }
        for (index, slot) in slots.enumerated() where slot.position != index + 1 {
            throw ExportError("\(key.path):\(slot.line):\(slot.column): position \(slot.position) where \(index + 1) was expected "
                + "(positions must run 1, 2, 3, … once each); the key was edited: assemble again")
        }
        if let length = blueprint?.form.length, slots.count != length {
            throw ExportError("\(key.path):\(firstSlot.line):\(firstSlot.column): the key lists \(slots.count) items but the blueprint's form has \(length); the key was edited or the blueprint changed: assemble again")
        }
        var owner: [String: (item: Item, study: CaseStudy?)] = [:]
        for file in bank.files {
            for item in file.items { owner[item.id] = (item, nil) }
            for study in file.cases { for item in study.items { owner[item.id] = (item, study) } }
        }
        var blocks: [ExportContent.Block] = [], placed = Set<String>(), caseStart: [String: FormKey.Slot] = [:]
        for slot in slots {
            let at = "\(key.path):\(slot.line):\(slot.column)"
            guard let (item, study) = owner[slot.id] else {
                throw ExportError("\(at): item '\(slot.id)' of \(key.form) is not in the bank; export with the bank the form was assembled from")
            }
            guard item.domain == slot.domain, item.task == slot.task, item.type.rawValue == slot.type else {
                throw ExportError("\(at): item '\(slot.id)' is domain \(item.domain), task \(item.task), \(item.type.rawValue) in the bank "
                    + "but domain \(slot.domain), task \(slot.task), \(slot.type) in the key; the bank changed since assembly, so assemble again")
            }
            guard let study else { blocks.append(.item(item)); continue }
            if case .caseStudy(var current) = blocks.last, current.id == study.id {
                current.items.append(item)
                blocks[blocks.count - 1] = .caseStudy(current)
            } else if placed.insert(study.id).inserted {
                var first = study
                first.items = [item]
                blocks.append(.caseStudy(first))
                caseStart[study.id] = slot
            } else {
                throw ExportError("\(at): case study '\(study.id)' is split by other items in the key; a case is delivered whole, so assemble again")
            }
        }
        for case .caseStudy(let study) in blocks {
            let whole = owner[study.items[0].id]?.study?.items.count ?? study.items.count
            guard study.items.count != whole, let slot = caseStart[study.id] else { continue }
            throw ExportError("\(key.path):\(slot.line):\(slot.column): case study '\(study.id)' has \(whole) items in the bank but \(study.items.count) in the key; a case is delivered whole: assemble again")
        }
        var content = ExportContent(title: title, identifier: Identifiers.itemID(key.form) ?? "form", blocks: blocks)
        content.media = bank.media
        return content
    }
}
