import QBankCore

/// When options are combinations, the key is often the one sharing the most parts with the others.
public struct ConvergenceCueRule: ItemRule {
    /// The key's score (parts shared with other options) must be at least this to be flagged.
    public var minimumSharedParts = 2

    public init() {}

    public static let description = RuleDescription(
        id: "QB310", name: "convergence-cue", category: .options,
        summary: "When options combine several parts, the key must not be the one that shares the most parts with the others.",
        rationale: """
            NBME (Case & Swanson) "convergence strategy": item writers build distractors by varying the key's \
            parts, so the option whose parts recur most often is the key; Tarrant et al. (2006) and Moore et \
            al. (2023) list convergence cues. Applies to multiple-choice items where all options, or all but one, \
            are compounds (split on ",", ";", "and", "/", "+", "&", "with"). Each option scores the number of \
            its parts found in each other option; flagged when the key alone has the top score and it is at \
            least 2. Parts are compared whole, so short names such as "S3" and "SQS" count (RULES.md §4).
            """,
        severity: .warning,
        triggeringExamples: [
            """
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>Which pair of services ingests streaming records and stores them for Athena queries?</stem>
              <options>
                ↓<option id="a" correct="true"><text>Amazon Data Firehose and Amazon S3</text></option>
                <option id="b"><text>Amazon Data Firehose and Amazon EBS</text></option>
                <option id="c"><text>Amazon SQS and Amazon S3</text></option>
                <option id="d"><text>AWS Batch and Amazon EFS</text></option>
              </options>
            </item>
            """,
        ],
        nonTriggeringExamples: [
            """
            <item id="q1" type="single" domain="1" task="1.1" status="draft">
              <stem>Which pair of services ingests streaming records and stores them for Athena queries?</stem>
              <options>
                <option id="a" correct="true"><text>Amazon Data Firehose and Amazon S3</text></option>
                <option id="b"><text>Amazon SQS and Amazon EBS</text></option>
                <option id="c"><text>AWS Batch and Amazon EFS</text></option>
                <option id="d"><text>AWS Glue and Amazon FSx</text></option>
              </options>
            </item>
            """,
        ]
    )

    public func check(_ item: Item, in context: ItemContext) -> [Diagnostic] {
        guard item.type == .single, let body = item.choiceBody else { return [] }
        let options = body.contentOptions
        guard options.count >= 3, let keyIndex = options.firstIndex(where: \.isCorrect) else { return [] }
        // Most options have no separator at all: skip splitting unless enough could be compound.
        // Options are read by index: copying one retains every string it holds.
        guard options.indices.filter({ Self.mayBeCompound(options[$0].text.value) }).count >= options.count - 1 else { return [] }
        let parts = options.indices.map { Self.components(options[$0].text.value) }
        guard parts.filter({ $0.count >= 2 }).count >= options.count - 1 else { return [] }
        let scores = parts.indices.map { index in
            parts.indices.filter { $0 != index }.reduce(0) { $0 + parts[index].intersection(parts[$1]).count }
        }
        let best = scores[keyIndex]
        guard best >= minimumSharedParts, scores.indices.allSatisfy({ $0 == keyIndex || scores[$0] < best }) else { return [] }
        let key = options[keyIndex]
        return [diagnostic(
            "the key of item '\(item.id)' ('\(key.id)') shares the most parts with the other options (\(best)), so it can be found by convergence; vary the distractors' parts independently",
            at: key.origin, in: context.file.path, item: item.id)]
    }

    /// A byte scan for what `components` splits on: `, ; / + &`, " and ", " with ", " plus ".
    static func mayBeCompound(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            var window: UInt64 = 0
            for byte in bytes {
                if byte == 0x2C || byte == 0x3B || byte == 0x2F || byte == 0x2B || byte == 0x26 { return true }
                window = (window << 8) | UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                if window & 0xFFFF_FFFF_FF == 0x20_61_6E_64_20 { return true }         // " and "
                if window & 0xFFFF_FFFF_FFFF == 0x20_77_69_74_68_20 { return true }    // " with "
                if window & 0xFFFF_FFFF_FFFF == 0x20_70_6C_75_73_20 { return true }    // " plus "
            }
            return false
        }
    }

    /// Lower-cased parts of an option, without articles and final punctuation.
    static func components(_ text: String) -> Set<String> {
        var pieces: [String] = []
        var current: [String] = []
        func flush() { if !current.isEmpty { pieces.append(current.joined(separator: " ")); current = [] } }
        for raw in text.split(whereSeparator: \.isWhitespace) {
            var token = String(raw)
            var splitAfter = false
            while let last = token.last, ",;.".contains(last) { token.removeLast(); splitAfter = splitAfter || last != "." }
            for piece in token.split(omittingEmptySubsequences: false, whereSeparator: { "/+&".contains($0) }).enumerated() {
                if piece.offset > 0 { flush() }
                let word = piece.element.lowercased()
                if word.isEmpty { continue }
                if ["and", "with", "&", "plus"].contains(word) { flush(); continue }
                if ["a", "an", "the"].contains(word) { continue }
                current.append(word)
            }
            if splitAfter { flush() }
        }
        flush()
        return Set(pieces)
    }
}

extension ConvergenceCueRule: ConfigurableRule {
    public var options: [String: RuleOptionValue] {
        ["minimumSharedParts": .number(Double(minimumSharedParts))]
    }

    public mutating func configure(_ options: RuleOptions) throws(RuleOptionError) {
        try options.read("minimumSharedParts", into: &minimumSharedParts, in: 1...20)
    }
}
