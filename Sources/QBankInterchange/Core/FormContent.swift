import QBankCore

/// An assembled form as export content: the key's items, in its delivery order, taken from
/// the bank the form was assembled from (the key says which items and where; the bank has
/// their text and the answers QTI needs for scoring). A case study's items, which assembly
/// keeps together, become one case block.
public enum FormContent {
    public static func content(_ key: FormKey, bank: Bank, title: String) throws(ExportError) -> ExportContent {
        var owner: [String: (item: Item, study: CaseStudy?)] = [:]
        for file in bank.files {
            for item in file.items { owner[item.id] = (item, nil) }
            for study in file.cases { for item in study.items { owner[item.id] = (item, study) } }
        }
        var blocks: [ExportContent.Block] = [], placed = Set<String>()
        for slot in key.slots.sorted(by: { $0.position < $1.position }) {
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
            } else {
                throw ExportError("\(at): case study '\(study.id)' is split by other items in the key; a case is delivered whole, so assemble again")
            }
        }
        return ExportContent(title: title, identifier: key.form, blocks: blocks)
    }
}
