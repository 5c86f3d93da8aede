import QBankCore

/// What the bank-wide rules and the suppression pass read of one file, written compactly so the
/// lint cache can rerun them without parsing a file that did not change: ids, types, domains,
/// key flags, stems and answer texts, enemies, suppressions, case studies, and every origin a
/// finding or fix points at. Rationales, references, tags, statistics (only whether there are
/// any), titles, media and option sources are left out: only item rules read them, and their
/// findings are cached per file. `decode(encode(file))` lints exactly like `file` under
/// `LintEngine.run(_:reusing:)` with the file's item findings reused. After the file come the bank
/// rules' per-item analyses of it (`BankAnalyses`), by rule id, so that they are not made again.
public enum BankFileSignature {
    /// Bumped whenever the layout changes; older signatures then fail to decode.
    static let version: UInt8 = 3

    public static func encode(_ file: BankFile, analyses: [String: [UInt8]] = [:]) -> [UInt8] {
        var bytes = encodeItems(file)
        appendAnalyses(analyses, to: &bytes)
        return bytes
    }

    /// The signature up to its analyses: everything the bank rules read of `file`.
    /// - Parameter origins: false to leave every origin out (what a content digest hashes).
    static func encodeItems(_ file: BankFile, origins: Bool = true) -> [UInt8] { written(file, origins: origins).bytes }

    /// Every origin of `file` in the order its signature holds them: two files whose signatures
    /// differ in origins only pair theirs up one to one.
    static func origins(of file: BankFile) -> [Origin] { written(file, origins: false).collected }

    private static func written(_ file: BankFile, origins: Bool) -> Writer {
        var out = Writer(path: file.path)
        out.writesOrigins = origins
        out.byte(version)
        out.string(file.path)
        out.count(file.items.count)
        for item in file.items { out.item(item) }
        out.count(file.cases.count)
        for study in file.cases {
            out.string(study.id)
            out.text(study.scenario)
            out.count(study.items.count)
            for item in study.items { out.item(item) }
            out.suppressions(study.suppressions)
            out.origin(study.origin)
        }
        return out
    }

    /// Completes a signature `encodeItems` began with the bank rules' analyses of its items.
    static func appendAnalyses(_ analyses: [String: [UInt8]], to bytes: inout [UInt8]) {
        var out = Writer(path: "", bytes: bytes)
        bytes = []
        out.count(analyses.count)
        for rule in analyses.keys.sorted() {
            out.string(rule)
            out.count(analyses[rule]!.count)
            out.bytes.append(contentsOf: analyses[rule]!)
        }
        bytes = out.bytes
    }

    /// 128 bits of what `encodeItems` wrote (hex): two files with the same digest give the bank
    /// rules the same input, origins included, so the lint cache can reuse their findings.
    static func digest(ofItems bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { raw in
            var first = StableHash.offsetBasis ^ UInt64(raw.count), second = 0x9e37_79b9_7f4a_7c15 ^ UInt64(raw.count)
            LintCache.contentHash(raw, into: &first)
            LintCache.contentHash(raw, into: &second)
            return StableHash.hex(first) + StableHash.hex(second)
        }
    }

    /// The file `bytes` describe, or nil when they are not a signature of this version.
    public static func decode(_ bytes: [UInt8]) -> BankFile? { decodeWithAnalyses(bytes)?.file }

    /// The file `bytes` describe (from `start` on) and the analyses stored with it, or nil when they are not a signature of this version.
    public static func decodeWithAnalyses(_ bytes: [UInt8], from start: Int = 0) -> (file: BankFile, analyses: [String: [UInt8]])? {
        var input = Reader(bytes: bytes, offset: start)
        guard input.byte() == version, let path = input.string() else { return nil }
        input.path = path
        var file = BankFile(path: path)
        guard let itemCount = input.count() else { return nil }
        file.items.reserveCapacity(itemCount)
        for _ in 0..<itemCount {
            guard let item = input.item() else { return nil }
            file.items.append(item)
        }
        guard let caseCount = input.count() else { return nil }
        for _ in 0..<caseCount {
            guard let id = input.string(), let scenario = input.text(), let count = input.count() else { return nil }
            var items: [Item] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                guard let item = input.item() else { return nil }
                items.append(item)
            }
            guard let suppressions = input.suppressions(), let origin = input.origin() else { return nil }
            file.cases.append(CaseStudy(id: id, scenario: scenario, items: items, suppressions: suppressions, origin: origin))
        }
        guard let ruleCount = input.count() else { return nil }
        var analyses: [String: [UInt8]] = [:]
        for _ in 0..<ruleCount {
            guard let rule = input.string(), let length = input.count(), input.offset + length <= bytes.count else { return nil }
            analyses[rule] = Array(bytes[input.offset..<(input.offset + length)])
            input.offset += length
        }
        return input.atEnd ? (file, analyses) : nil
    }

    private struct Writer: CacheByteWriting {
        var bytes: [UInt8] = []
        /// Locations in the file itself (nearly all) store no path.
        let path: String
        var writesOrigins = true
        /// The origins left out when `writesOrigins` is false.
        var collected: [Origin] = []

        init(path: String, bytes: [UInt8] = []) {
            self.path = path
            self.bytes = bytes
            self.bytes.reserveCapacity(4_096)
        }

        mutating func location(_ value: SourceLocation) {
            if value.file == path { bool(false) } else { bool(true); string(value.file) }
            count(value.line)
            count(value.column)
        }

        mutating func origin(_ value: Origin) {
            guard writesOrigins else {
                collected.append(value)
                return
            }
            byte((value.location == nil ? 0 : 1) | (value.span == nil ? 0 : 2) | (value.element == nil ? 0 : 4))
            if let location = value.location { self.location(location) }
            if let span = value.span {
                int(span.start)
                int(span.end)
                bool(span.syntax == .json)
                location(span.endLocation)
            }
            if let element = value.element {
                int(element.lowerBound)
                int(element.upperBound)
            }
        }

        mutating func text(_ value: Text) {
            string(value.value)
            origin(value.origin)
        }

        mutating func suppressions(_ list: [Suppression]) {
            count(list.count)
            for suppression in list {
                count(suppression.rules.count)
                for rule in suppression.rules { string(rule) }
                optional(suppression.reason)
                origin(suppression.origin)
            }
        }

        /// An option, step, prompt or response; `extra` is what only some kinds have (a key's "1", a prompt's response).
        mutating func part(_ id: String, _ text: Text, _ extra: String, _ origin: Origin) {
            string(id)
            self.text(text)
            string(extra)
            self.origin(origin)
        }

        mutating func item(_ item: Item) {
            string(item.id)
            int(item.domain)
            string(item.task)
            string(item.status.rawValue)
            bool(item.shuffle)
            text(item.stem)
            switch item.body {
            case .choice(let body):
                byte(0)
                bool(body.select != nil)
                int(body.select ?? 0)
                count(body.options.count)
                for option in body.options { part(option.id, option.text, option.isCorrect ? "1" : "", option.origin) }
            case .ordering(let steps):
                byte(1)
                count(steps.count)
                for step in steps { part(step.id, step.text, "", step.origin) }
            case .matching(let body):
                byte(2)
                count(body.prompts.count)
                for prompt in body.prompts { part(prompt.id, prompt.text, prompt.responseID, prompt.origin) }
                count(body.responses.count)
                for response in body.responses { part(response.id, response.text, "", response.origin) }
            }
            count(item.enemies.count)
            for enemy in item.enemies {
                string(enemy.id)
                origin(enemy.origin)
            }
            bool(item.stats != nil)
            suppressions(item.suppressions)
            origin(item.origin)
        }
    }

    private struct Reader: CacheByteReading {
        let bytes: [UInt8]
        var offset = 0
        var path = ""

        mutating func location() -> SourceLocation? {
            guard let elsewhere = bool() else { return nil }
            let file = elsewhere ? string() : path
            guard let file, let line = count(), let column = count() else { return nil }
            return SourceLocation(file: file, line: line, column: column)
        }

        mutating func origin() -> Origin? {
            guard let flags = byte(), flags < 8 else { return nil }
            // Parts first, then one origin built whole: an origin is large, and each change to one in place copied it.
            var location: SourceLocation?, span: TextSpan?, element: Range<Int>?
            if flags & 1 != 0 {
                guard let value = self.location() else { return nil }
                location = value
            }
            if flags & 2 != 0 {
                guard let start = int(), let end = int(), let json = bool(), let endLocation = self.location() else { return nil }
                span = TextSpan(start: start, end: end, raw: "", syntax: json ? .json : .xml, endLocation: endLocation)
            }
            if flags & 4 != 0 {
                guard let lower = int(), let upper = int(), lower <= upper else { return nil }
                element = lower..<upper
            }
            var origin = Origin(location, span: span)
            // Setting nil would repack the whole origin (most are texts' origins, which have no element).
            if let element { origin.element = element }
            return origin
        }

        mutating func text() -> Text? {
            guard let value = string(), let origin = origin() else { return nil }
            return Text(value, origin: origin)
        }

        mutating func suppressions() -> [Suppression]? {
            guard let count = count() else { return nil }
            var list: [Suppression] = []
            for _ in 0..<count {
                guard let ruleCount = self.count() else { return nil }
                var rules: [String] = []
                for _ in 0..<ruleCount {
                    guard let rule = string() else { return nil }
                    rules.append(rule)
                }
                guard let reason = optional(), let origin = origin() else { return nil }
                list.append(Suppression(rules: rules, reason: reason, origin: origin))
            }
            return list
        }

        /// A counted list of parts (see `Writer.part`).
        mutating func parts<Part>(_: Part.Type, _ make: (String, Text, String, Origin) -> Part) -> [Part]? {
            guard let count = count() else { return nil }
            var list: [Part] = []
            list.reserveCapacity(count)
            for _ in 0..<count {
                guard let id = string(), let text = text(), let extra = string(), let origin = origin() else { return nil }
                list.append(make(id, text, extra, origin))
            }
            return list
        }

        mutating func item() -> Item? {
            guard let id = string(), let domain = int(), let task = string(), let status = string().flatMap(ItemStatus.init(rawValue:)),
                  let shuffle = bool(), let stem = text(), let kind = byte() else { return nil }
            let body: ItemBody
            switch kind {
            case 0:
                guard let hasSelect = bool(), let select = int(), let options = parts(Option.self, { Option(id: $0, text: $1, isCorrect: $2 == "1", origin: $3) })
                else { return nil }
                body = .choice(ChoiceBody(options: options, select: hasSelect ? select : nil))
            case 1:
                guard let steps = parts(Step.self, { id, text, _, origin in Step(id: id, text: text, origin: origin) }) else { return nil }
                body = .ordering(steps)
            case 2:
                guard let prompts = parts(MatchPrompt.self, { MatchPrompt(id: $0, text: $1, responseID: $2, origin: $3) }),
                      let responses = parts(MatchResponse.self, { id, text, _, origin in MatchResponse(id: id, text: text, origin: origin) })
                else { return nil }
                body = .matching(MatchingBody(prompts: prompts, responses: responses))
            default:
                return nil
            }
            guard let enemyCount = count() else { return nil }
            var enemies: [EnemyReference] = []
            enemies.reserveCapacity(enemyCount)
            for _ in 0..<enemyCount {
                guard let id = string(), let origin = origin() else { return nil }
                enemies.append(EnemyReference(id, origin: origin))
            }
            guard let hasStats = bool(), let suppressions = suppressions(), let origin = origin() else { return nil }
            return Item(id: id, domain: domain, task: task, status: status, shuffle: shuffle, stem: stem, body: body,
                        enemies: enemies, stats: hasStats ? ItemStats() : nil, suppressions: suppressions, origin: origin)
        }
    }
}
