/// Makes ids that the bank schema accepts (`[A-Za-z0-9][A-Za-z0-9._-]{0,63}`),
/// from whatever a source uses (titles, QTI identifiers, Moodle names).
public enum Identifiers {
    /// `raw` cleaned into an item id, or nil when nothing usable is left.
    public static func itemID(_ raw: String, limit: Int = 64) -> String? {
        var out = ""
        var lastDash = false
        for scalar in raw.unicodeScalars {
            let ok = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "." || scalar == "_" || scalar == "-")
            if ok {
                out.unicodeScalars.append(scalar)
                lastDash = scalar == "-"
            } else if !lastDash && !out.isEmpty {
                out += "-"
                lastDash = true
            }
        }
        while let first = out.first, !(first.isLetter || first.isNumber) { out.removeFirst() }
        if out.count > limit { out = String(out.prefix(limit)) }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? nil : out
    }

    /// A prefix for generated ids from a source path: `exam-1.md` → `exam-1`.
    public static func prefix(forPath path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".gift.txt", ".aiken.txt", ".moodle.xml"] where name.lowercased().hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
        }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        return itemID(name.lowercased(), limit: 48) ?? "imported"
    }

    /// True for a valid bank tag (`[a-z0-9][a-z0-9.+-]*`, ≤ 64).
    public static func isTag(_ tag: String) -> Bool {
        guard let first = tag.unicodeScalars.first, tag.count <= 64, first.isASCII,
              CharacterSet.lowercaseLetters.contains(first) || CharacterSet.decimalDigits.contains(first) else { return false }
        return tag.unicodeScalars.allSatisfy { $0.isASCII && (("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "+" || $0 == "-") }
    }

    /// Option ids by position, the bank's convention: a, b, c, … (then a1, b1, …).
    public static func optionID(_ index: Int) -> String {
        let letter = String(UnicodeScalar(UInt8(97 + index % 26)))
        return index < 26 ? letter : letter + String(index / 26)
    }
}

import Foundation
