import QBankCore
import QBankJSON
import QBankRules

/// Reads the parts of a parsed `qbank.json`, throwing the first problem with its position.
struct ConfigReader {
    let path: String

    func location(_ position: JSONPosition) -> SourceLocation {
        SourceLocation(file: path, line: position.line, column: position.column)
    }

    func fail(_ message: String, at position: JSONPosition) -> ConfigError { ConfigError(message, at: location(position)) }

    func object(_ value: JSONValue, _ what: String, known: [String]) throws(ConfigError) -> [JSONMember] {
        guard let members = value.objectValue else { throw fail("\(what) must be an object, not \(value.kindDescription)", at: value.position) }
        for member in members where !known.contains(member.key) {
            var message = "unknown key '\(member.key)' in \(what)"
            if let near = Suggestion.nearest(to: member.key, in: known) { message += " (did you mean '\(near)'?)" }
            throw fail(message + "; allowed: \(known.filter { $0 != "$schema" }.joined(separator: ", "))", at: member.keyPosition)
        }
        return members
    }

    func string(_ value: JSONValue, _ what: String) throws(ConfigError) -> String {
        guard let text = value.stringValue else { throw fail("\(what) must be a string, not \(value.kindDescription)", at: value.position) }
        return text
    }

    func bool(_ value: JSONValue, _ what: String) throws(ConfigError) -> Bool {
        guard let flag = value.boolValue else { throw fail("\(what) must be true or false, not \(value.kindDescription)", at: value.position) }
        return flag
    }

    func strings(_ value: JSONValue, _ what: String) throws(ConfigError) -> [(String, JSONPosition)] {
        guard let array = value.arrayValue else { throw fail("\(what) must be an array of strings, not \(value.kindDescription)", at: value.position) }
        var result: [(String, JSONPosition)] = []
        for element in array { result.append((try string(element, "each entry of \(what)"), element.position)) }
        return result
    }

    /// Exclude globs: a bare name stays a name matched at any depth; a path is anchored at the config's folder.
    func excludes(_ value: JSONValue, _ what: String, baseDirectory: String) throws(ConfigError) -> [String] {
        var result: [String] = []
        for (glob, position) in try strings(value, what) {
            var pattern = glob
            while pattern.hasPrefix("./") { pattern.removeFirst(2) }
            while pattern.count > 1 && pattern.hasSuffix("/") { pattern.removeLast() }
            if pattern.hasPrefix("/") { pattern.removeFirst() }
            if pattern.isEmpty || pattern == "." { throw fail("\(what): '\(glob)' would exclude everything; name files or folders", at: position) }
            result.append(pattern.contains("/") || glob.hasPrefix("/") ? Glob.normalize(baseDirectory + "/" + pattern) : pattern)
        }
        return result
    }

    /// Rule selectors: codes, names, prefixes, categories or ALL; each must name some rule.
    func selectors(_ value: JSONValue, _ what: String) throws(ConfigError) -> [String] {
        var result: [String] = []
        for (token, position) in try strings(value, what) {
            try checkSelector(token, at: position)
            result.append(token)
        }
        return result
    }

    func checkSelector(_ token: String, at position: JSONPosition) throws(ConfigError) {
        if RuleSelection(select: [token]).unknownTokens(among: BuiltInRules.descriptions).isEmpty { return }
        var message = "'\(token)' names no rule"
        let names = BuiltInRules.descriptions.flatMap { [$0.id, $0.name] }
        if let near = Suggestion.nearest(to: token, in: names) { message += " (did you mean '\(near)'?)" }
        throw fail(message + "; use a code (QB101), a name, a code prefix (QB1), a category or ALL; `qbank rules` lists them", at: position)
    }

    /// `"rules": {"QB110": "off", "QB503": {"severity": "error", "options": {...}}}`.
    func rules(_ value: JSONValue, allowOptions: Bool) throws(ConfigError) -> [RuleSetting] {
        guard let members = value.objectValue else {
            throw fail("'rules' must be an object of rule → severity or {\"severity\", \"options\"}, not \(value.kindDescription)", at: value.position)
        }
        var result: [RuleSetting] = []
        for member in members {
            try checkSelector(member.key, at: member.keyPosition)
            var setting = RuleSetting(token: member.key, location: location(member.keyPosition))
            if member.value.stringValue != nil {
                setting.severity = try severity(member.value)
            } else if member.value.objectValue != nil {
                let known = allowOptions ? ["severity", "options"] : ["severity"]
                for field in try object(member.value, "the settings of '\(member.key)'", known: known) {
                    if field.key == "severity" { setting.severity = try severity(field.value) }
                    if field.key == "options" { setting.options = try options(field.value, for: member.key) }
                }
            } else {
                throw fail("the setting of '\(member.key)' must be a severity (off, info, warning, error) or an object, not \(member.value.kindDescription)",
                           at: member.value.position)
            }
            result.append(setting)
        }
        return result
    }

    func severity(_ value: JSONValue) throws(ConfigError) -> SeverityLevel {
        let text = try string(value, "a severity")
        guard let level = SeverityLevel(rawValue: text.lowercased()) else {
            throw fail("unknown severity '\(text)'; use off, info, warning or error", at: value.position)
        }
        return level
    }

    /// Option values: true/false, numbers, strings, arrays of strings. Names and ranges
    /// are checked by the rule itself when the engine configures it.
    func options(_ value: JSONValue, for token: String) throws(ConfigError) -> RuleOptions {
        guard BuiltInRules.descriptions.contains(where: { RuleSelection.names(token, $0) }) else {
            throw fail("options need one rule: name it by code or name, not '\(token)'", at: value.position)
        }
        guard let members = value.objectValue else { throw fail("'options' must be an object, not \(value.kindDescription)", at: value.position) }
        var options = RuleOptions(location: location(value.position))
        for member in members {
            let v = member.value
            let parsed: RuleOptionValue
            if let flag = v.boolValue { parsed = .bool(flag) }
            else if let number = v.doubleValue { parsed = .number(number) }
            else if let text = v.stringValue { parsed = .string(text) }
            else if let array = v.arrayValue {
                var list: [String] = []
                for element in array {
                    guard let text = element.stringValue else {
                        throw fail("option '\(member.key)': lists hold strings, not \(element.kindDescription)", at: element.position)
                    }
                    list.append(text)
                }
                parsed = .strings(list)
            } else {
                throw fail("option '\(member.key)' must be true/false, a number, a string or an array of strings, not \(v.kindDescription)", at: v.position)
            }
            options.values[member.key] = parsed
            options.locations[member.key] = location(v.position)
        }
        return options
    }

    /// `"overrides": [{"files": ["legacy/**"], "ignore": ["QB2"], "rules": {"QB110": "info"}}]`.
    func overrides(_ value: JSONValue) throws(ConfigError) -> [PathOverride] {
        guard let array = value.arrayValue else { throw fail("'overrides' must be an array of objects, not \(value.kindDescription)", at: value.position) }
        var result: [PathOverride] = []
        for element in array {
            let members = try object(element, "an override", known: ["files", "ignore", "rules"])
            guard let files = members.first(where: { $0.key == "files" }) else {
                throw fail("an override needs 'files': the globs it applies to, e.g. [\"legacy/**\"]", at: element.position)
            }
            let globs = try strings(files.value, "'files'").map(\.0)
            if globs.isEmpty { throw fail("'files' must list at least one glob", at: files.value.position) }
            var override = PathOverride(files: globs)
            for member in members {
                if member.key == "ignore" { override.ignore = try selectors(member.value, "'ignore'") }
                if member.key == "rules" { override.rules = try rules(member.value, allowOptions: false) }
            }
            result.append(override)
        }
        return result
    }
}
