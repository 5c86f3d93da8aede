import QBankCore
@testable import QBankRules
import Testing

/// Issue #12 case 10: `**`-heavy override globs took exponential time (13 s at 32 folders deep, > 20 s at 40).
struct GlobTests {
    @Test func starHeavyPatternsOnDeepPathsFinish() {
        let deep = (1...40).map { "d\($0)" }.joined(separator: "/") + "/file.json"
        let pattern = String(repeating: "**/", count: 20) + "*x*y*z*/*.xml"
        #expect(!Glob.matches(pattern, deep))
        #expect(Glob.matches(String(repeating: "**/", count: 20) + "*.json", deep))
        #expect(!Glob.matches(String(repeating: "*", count: 60) + "q", String(repeating: "a", count: 4_000)))
    }

    /// The dynamic-programming matcher agrees with the backtracking one it replaced, on seeded random patterns.
    @Test func agreesWithTheBacktrackingDefinition() {
        var random = SeededRandom(seed: 12)
        let alphabet: [String] = ["a", "b", "/", "*", "**", "**/", "?", "."]
        let letters: [String] = ["a", "b", "/", "."]
        for _ in 0..<5_000 {
            let pattern = (0..<Int.random(in: 1...7, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
            let path = (0..<Int.random(in: 0...9, using: &random)).map { _ in letters.randomElement(using: &random)! }.joined()
            #expect(Glob.matches(pattern, path) == Reference.matches(pattern, path), "\(pattern) on \(path)")
        }
    }

    /// The matcher as it was before #12 (exponential, but the definition).
    enum Reference {
        static func matches(_ pattern: String, _ path: String) -> Bool { Glob.matches(pattern, path, using: match) }

        static func match(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
            guard let first = p.first else { return s.isEmpty }
            let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*")
            if first == star {
                if p.dropFirst().first == star {
                    var rest = p.dropFirst(2)
                    if rest.first == slash { rest = rest.dropFirst() }
                    if rest.isEmpty { return true }
                    var i = s.startIndex
                    while true {
                        if match(rest, s[i...]) { return true }
                        guard let next = s[i...].firstIndex(of: slash) else { return false }
                        i = next + 1
                    }
                }
                var i = s.startIndex
                while true {
                    if match(p.dropFirst(), s[i...]) { return true }
                    guard i < s.endIndex, s[i] != slash else { return false }
                    i += 1
                }
            }
            guard let c = s.first else { return false }
            if first == UInt8(ascii: "?") ? c != slash : first == c { return match(p.dropFirst(), s.dropFirst()) }
            return false
        }
    }
}
