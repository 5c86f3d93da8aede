/// Numbers in option text: "42", "-3.5", "$1,200", "75%", "3/4", "10 GB", "10–20 ms",
/// "more than 50". Hand-written scanning: the quality rules run on every option of
/// every item, and Swift's Regex costs more than reading the bank (see SelectCountRule).
struct NumberScan {
    var value: Double
    var rest: Substring
}

enum Numbers {
    /// A number at the start of `text` (after an optional sign or currency symbol).
    static func leading(_ text: Substring) -> NumberScan? {
        var index = text.startIndex
        var negative = false
        if index < text.endIndex, text[index] == "-" || text[index] == "−" || text[index] == "+" {
            negative = text[index] != "+"
            index = text.index(after: index)
        }
        if index < text.endIndex, "$€£¥".contains(text[index]) { index = text.index(after: index) }
        var digits = ""
        var sawDigit = false, sawPoint = false
        while index < text.endIndex {
            let character = text[index]
            if character.isASCII, character.isNumber {
                digits.append(character)
                sawDigit = true
            } else if character == ",", sawDigit, followedByThreeDigits(text, after: index) {
                // thousands separator: skip
            } else if character == ".", sawDigit, !sawPoint, nextIsDigit(text, after: index) {
                digits.append(".")
                sawPoint = true
            } else {
                break
            }
            index = text.index(after: index)
        }
        guard sawDigit, var value = Double(digits) else { return nil }
        if index < text.endIndex, text[index] == "/", !sawPoint {
            let after = text.index(after: index)
            if let denominator = leading(text[after...]), denominator.value != 0, !denominator.rest.hasPrefix("/") {
                value /= denominator.value
                index = denominator.rest.startIndex
            }
        }
        return NumberScan(value: negative ? -value : value, rest: text[index...])
    }

    /// The option as one number with at most `maxUnitWords` words of unit ("12 hours",
    /// "$40 per month" is three and does not count), or nil.
    static func single(_ text: String, maxUnitWords: Int = 2) -> (value: Double, unit: String)? {
        let trimmed = trimmedOption(text)
        guard let scan = leading(trimmed) else { return nil }
        let unit = unitWords(scan.rest)
        guard unit.count <= maxUnitWords, !unit.contains(where: { $0.first?.isNumber == true }) else { return nil }
        return (scan.value, unit.joined(separator: " "))
    }

    /// Lower-cased unit words with a plural "s" dropped, so "1 hour" and "3 hours" agree.
    static func unitWords(_ rest: Substring) -> [String] {
        rest.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map { raw in
            var word = raw.lowercased()
            if word.count > 3, word.hasSuffix("s") { word.removeLast() }
            return word
        }
    }

    /// Whether `text` has a digit 0–9: every number these scanners read has one.
    static func hasASCIIDigit(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A byte pre-check for `leading(trimmedOption(text))`: false only when the text
    /// certainly does not start with a number, that is when its first byte past white
    /// space and emphasis markers is ASCII and neither a digit nor a sign or `$`.
    static func mightStartWithNumber(_ text: String) -> Bool {
        switch firstSignificantByte(text) {
        case nil: return false
        case let byte?: return byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2B || byte == 0x24
        }
    }

    /// The offset of the first byte that is not ASCII white space, a control byte, `*` or
    /// `` ` ``: at or past where `trimmedOption` starts, and never past a non-ASCII byte.
    static func firstSignificantOffset(_ bytes: String.UTF8View) -> Int? {
        var offset = 0
        for byte in bytes {
            if byte > 0x20, byte != 0x2A, byte != 0x60 { return offset }
            offset += 1
        }
        return nil
    }

    private static func firstSignificantByte(_ text: String) -> UInt8? {
        firstSignificantOffset(text.utf8).map { text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: $0)] }
    }

    /// Option text without surrounding space, trailing period and emphasis markers.
    static func trimmedOption(_ text: String) -> Substring {
        var trimmed = Substring(text).trimmingLeadingSpace().trimmingTrailingSpace()
        while trimmed.hasSuffix(".") || trimmed.hasSuffix("*") || trimmed.hasSuffix("`") { trimmed = trimmed.dropLast() }
        while trimmed.hasPrefix("*") || trimmed.hasPrefix("`") { trimmed = trimmed.dropFirst() }
        return trimmed
    }

    private static func followedByThreeDigits(_ text: Substring, after index: Substring.Index) -> Bool {
        var cursor = text.index(after: index)
        for _ in 0..<3 {
            guard cursor < text.endIndex, text[cursor].isASCII, text[cursor].isNumber else { return false }
            cursor = text.index(after: cursor)
        }
        return cursor == text.endIndex || !(text[cursor].isASCII && text[cursor].isNumber)
    }

    private static func nextIsDigit(_ text: Substring, after index: Substring.Index) -> Bool {
        let next = text.index(after: index)
        return next < text.endIndex && text[next].isASCII && text[next].isNumber
    }
}
