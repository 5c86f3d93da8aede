/// A numeric option read as an interval: "10–20", "between 5 and 10", "less than 3",
/// "50 or more", or a single value (a point). Used by QB313 to find overlapping ranges.
struct NumericInterval: Equatable {
    var lower: Double
    var lowerClosed: Bool
    var upper: Double
    var upperClosed: Bool
    var unit: String

    var isPoint: Bool { lower == upper }

    func overlaps(_ other: NumericInterval) -> Bool {
        guard unit.isEmpty || other.unit.isEmpty || unit == other.unit else { return false }
        let low = max(lower, other.lower), high = min(upper, other.upper)
        if low < high { return true }
        guard low == high else { return false }
        let lowClosed = lower == low ? lowerClosed : true
        let otherLowClosed = other.lower == low ? other.lowerClosed : true
        let highClosed = upper == high ? upperClosed : true
        let otherHighClosed = other.upper == high ? other.upperClosed : true
        return lowClosed && otherLowClosed && highClosed && otherHighClosed
    }

    private static let below: [(words: [String], closed: Bool)] = [
        (["less", "than"], false), (["fewer", "than"], false), (["under"], false), (["below"], false),
        (["up", "to"], true), (["at", "most"], true), (["no", "more", "than"], true),
    ]
    private static let above: [(words: [String], closed: Bool)] = [
        (["more", "than"], false), (["greater", "than"], false), (["over"], false), (["above"], false),
        (["at", "least"], true), (["no", "less", "than"], true), (["no", "fewer", "than"], true),
    ]

    /// Words that can open an interval ("less than 3", "between 5 and 10", "up to 8").
    private static let openingWords: Set<String> = [
        "less", "fewer", "under", "below", "up", "at", "no", "more", "greater", "over", "above", "between", "from",
    ]

    /// A byte pre-check for `parse`: false only when `text` certainly is no interval. An
    /// interval starts (past white space and emphasis) with a digit, a sign, a currency or
    /// comparison symbol, or one of `openingWords`; anything non-ASCII there is left to `parse`.
    static func mightParse(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let offset = Numbers.firstSignificantOffset(bytes) else { return false }
        var word: [UInt8] = []
        for byte in bytes.dropFirst(offset) {
            if byte == 0x20 { break }
            if byte >= 0x80 { return true }
            if word.isEmpty, (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2B || byte == 0x24 || byte == 0x3C || byte == 0x3E {
                return true
            }
            guard word.count < 8 else { return false }
            word.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        // The last word of the text loses a trailing period or emphasis in `trimmedOption`.
        while let last = word.last, last == 0x2E || last == 0x2A || last == 0x60 { word.removeLast() }
        return openingWords.contains(String(decoding: word, as: UTF8.self))
    }

    static func parse(_ text: String) -> NumericInterval? {
        var body = Numbers.trimmedOption(text)
        let lowered = Substring(body.lowercased())
        body = lowered
        // Symbols: <, ≤, <=, >, ≥, >=
        for (symbol, isUpper, closed) in [("<=", true, true), ("≤", true, true), ("<", true, false), (">=", false, true), ("≥", false, true), (">", false, false)]
        where body.hasPrefix(symbol) {
            return bound(body.dropFirst(symbol.count).trimmingLeadingSpace(), isUpper: isUpper, closed: closed)
        }
        let words = body.split(separator: " ").map(String.init)
        for (phrase, closed) in below where words.starts(with: phrase) {
            return bound(rest(of: body, afterWords: phrase.count), isUpper: true, closed: closed)
        }
        for (phrase, closed) in above where words.starts(with: phrase) {
            return bound(rest(of: body, afterWords: phrase.count), isUpper: false, closed: closed)
        }
        if words.first == "between" || words.first == "from" {
            return range(rest(of: body, afterWords: 1), separators: ["and", "to", "-", "–", "—"])
        }
        if let range = range(body, separators: ["to", "-", "–", "—"]) { return range }
        guard let scan = Numbers.leading(body) else { return nil }
        let unitWords = Numbers.unitWords(scan.rest)
        // "50 or more", "10 or less", "5+"
        if unitWords.count >= 2, unitWords[unitWords.count - 2] == "or" {
            let direction = unitWords.last!
            let unit = unitWords.dropLast(2).joined(separator: " ")
            if ["more", "greater", "higher", "above", "over"].contains(direction) {
                return NumericInterval(lower: scan.value, lowerClosed: true, upper: .infinity, upperClosed: false, unit: unit)
            }
            if ["less", "fewer", "lower", "below", "under"].contains(direction) {
                return NumericInterval(lower: -.infinity, lowerClosed: false, upper: scan.value, upperClosed: true, unit: unit)
            }
        }
        if scan.rest.hasPrefix("+"), unitWords.count <= 3 {
            return NumericInterval(lower: scan.value, lowerClosed: true, upper: .infinity, upperClosed: false, unit: Numbers.unitWords(scan.rest.dropFirst()).joined(separator: " "))
        }
        guard unitWords.count <= 2 else { return nil }
        return NumericInterval(lower: scan.value, lowerClosed: true, upper: scan.value, upperClosed: true, unit: unitWords.joined(separator: " "))
    }

    private static func bound(_ text: Substring, isUpper: Bool, closed: Bool) -> NumericInterval? {
        guard let scan = Numbers.leading(text) else { return nil }
        let unit = Numbers.unitWords(scan.rest)
        guard unit.count <= 2 else { return nil }
        return isUpper
            ? NumericInterval(lower: -.infinity, lowerClosed: false, upper: scan.value, upperClosed: closed, unit: unit.joined(separator: " "))
            : NumericInterval(lower: scan.value, lowerClosed: closed, upper: .infinity, upperClosed: false, unit: unit.joined(separator: " "))
    }

    /// "a SEP b [unit]" or "a unit SEP b unit".
    private static func range(_ text: Substring, separators: [String]) -> NumericInterval? {
        guard let first = Numbers.leading(text) else { return nil }
        var rest = first.rest.trimmingLeadingSpace()
        var firstUnit: [String] = []
        while let word = rest.split(separator: " ").first, !separators.contains(String(word)), !separators.contains(where: { word.hasPrefix($0) }), firstUnit.count < 2 {
            firstUnit += Numbers.unitWords(word)
            rest = rest.dropFirst(word.count).trimmingLeadingSpace()
        }
        guard let separator = separators.first(where: { rest.hasPrefix($0) }) else { return nil }
        rest = rest.dropFirst(separator.count).trimmingLeadingSpace()
        guard let second = Numbers.leading(rest), first.value <= second.value else { return nil }
        let unit = Numbers.unitWords(second.rest)
        guard unit.count <= 2, firstUnit.isEmpty || firstUnit == unit else { return nil }
        return NumericInterval(lower: first.value, lowerClosed: true, upper: second.value, upperClosed: true, unit: unit.joined(separator: " "))
    }

    private static func rest(of text: Substring, afterWords count: Int) -> Substring {
        var rest = text
        for _ in 0..<count {
            rest = rest.trimmingLeadingSpace()
            rest = rest.drop { !$0.isWhitespace }
        }
        return rest.trimmingLeadingSpace()
    }
}
