/// Reads answer keys as people write them: "B", "b", "B, E", "B,E", "BE", "Ac",
/// "A and C", "(B)", "Answer: d". Letters are option positions (A = first).
public enum AnswerKey {
    /// Zero-based option positions, or nil when the text is not a key.
    public static func positions(_ raw: String, optionCount: Int? = nil) -> [Int]? {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        for prefix in ["correct answers:", "correct answer:", "answers:", "answer:", "answer", "key:"] {
            if text.lowercased().hasPrefix(prefix) { text = String(text.dropFirst(prefix.count)) }
        }
        let cleaned = text
            .replacingOccurrences(of: " and ", with: ",", options: .caseInsensitive)
            .replacingOccurrences(of: "&", with: ",")
        var positions: [Int] = []
        for token in cleaned.split(whereSeparator: { ",;/ ()[].".contains($0) }) {
            let letters = token.filter { !$0.isWhitespace }
            guard !letters.isEmpty, letters.count <= 10, letters.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
            for letter in letters {
                let position = Int(letter.uppercased().unicodeScalars.first!.value) - 65
                guard position >= 0, position < 26 else { return nil }
                if let optionCount, position >= optionCount { return nil }
                if !positions.contains(position) { positions.append(position) }
            }
        }
        return positions.isEmpty ? nil : positions.sorted()
    }

    /// How many answers a "Choose two" / "(Select THREE.)" phrase asks for, if any.
    public static func requestedCount(in stem: String) -> Int? {
        let lower = stem.lowercased()
        let words = ["two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5]
        for verb in ["choose", "select", "pick", "mark"] {
            var search = lower.startIndex
            while let range = lower.range(of: verb, range: search..<lower.endIndex) {
                let after = lower[range.upperBound...].drop { $0 == " " || $0 == ":" }
                for (word, count) in words where after.hasPrefix(word) {
                    let next = after.dropFirst(word.count).first
                    if next == nil || !(next!.isLetter || next!.isNumber) { return count }
                }
                search = range.upperBound
            }
        }
        return nil
    }
}

import Foundation
