import QBankCore

extension ImportResult {
    /// The checks every import ends with, whatever the format: half-empty items skipped, items holding characters XML
    /// forbids skipped, then text conservation.
    public mutating func finishImport() {
        skipItemsLeftHalfEmpty()
        skipForbiddenCharacters()
        checkConservation()
    }

    /// One policy for every importer: an item with a part left empty by what import could not
    /// carry (an image with no file, audio, MathML, …) would break a structure rule and cannot be
    /// answered, so it is skipped with what was lost instead of being imported half-empty.
    public mutating func skipItemsLeftHalfEmpty() {
        func halfEmpty(_ item: Item) -> Bool {
            guard let empty = item.placedTexts.first(where: { !$0.role.hasPrefix("rationale") && $0.value.allSatisfy(\.isWhitespace) }) else { return false }
            let lost = problems.filter { $0.kind == .lost && $0.item == item.id }.map(\.reason)
            problems.removeAll { $0.kind == .lost && $0.item == item.id }
            let why = lost.isEmpty ? "" : " (lost: \(lost.joined(separator: "; ")))"
            problems.append(ImportProblem(.skipped, at: item.origin.location ?? SourceLocation(file: file.path, line: 1, column: 1), item: item.id,
                                          "the \(empty.role) has no content qbank can hold\(why); the item cannot be answered without it"))
            return true
        }
        file.items.removeAll(where: halfEmpty)
        for index in file.cases.indices { file.cases[index].items.removeAll(where: halfEmpty) }
        file.cases.removeAll { $0.items.isEmpty }
    }
}
