/// `qbank lint --diff`: a unified diff (`diff -u` layout, 3 lines of context) of what `--fix`
/// would write. Lines are compared with Myers' O((N+M)·D) algorithm: fixes change few lines.
public enum UnifiedDiff {
    enum Operation: Equatable { case keep, delete, insert }

    /// Empty when the texts are equal.
    public static func render(old: [UInt8], new: [UInt8], path: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        guard a != b else { return "" }
        let script = editScript(a, b)
        var out = "--- \(path)\n+++ \(path)\n"
        // Positions in a and b at each step of the script.
        var steps: [(op: Operation, i: Int, j: Int)] = []
        var i = 0, j = 0
        for op in script {
            steps.append((op, i, j))
            if op != .insert { i += 1 }
            if op != .delete { j += 1 }
        }
        var index = 0
        while index < steps.count {
            guard steps[index].op != .keep else { index += 1; continue }
            // A hunk: from `context` kept lines before the change to `context` after the last change near it.
            let start = max(0, index - context)
            var end = index
            var lastChange = index
            while end < steps.count {
                if steps[end].op != .keep { lastChange = end } else if end - lastChange > 2 * context { break }
                end += 1
            }
            end = min(steps.count, lastChange + context + 1)
            let hunk = steps[start..<end]
            let oldCount = hunk.filter { $0.op != .insert }.count, newCount = hunk.filter { $0.op != .delete }.count
            let oldStart = hunk.first!.i + (oldCount == 0 ? 0 : 1), newStart = hunk.first!.j + (newCount == 0 ? 0 : 1)
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for step in hunk {
                switch step.op {
                case .keep: out += " " + text(a[step.i])
                case .delete: out += "-" + text(a[step.i])
                case .insert: out += "+" + text(b[step.j])
                }
            }
            index = end
        }
        return out
    }

    /// Lines with their line breaks; a last line without one is marked as `diff` does.
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            result.append(Array(bytes[start...index]))
            start = index + 1
        }
        if start < bytes.count { result.append(Array(bytes[start...]) + Array("\n\\ No newline at end of file\n".utf8)) }
        return result
    }

    static func text(_ line: [UInt8]) -> String { String(decoding: line, as: UTF8.self) }

    /// Myers' greedy shortest edit script, then a walk back through the saved frontiers.
    static func editScript(_ a: [[UInt8]], _ b: [[UInt8]]) -> [Operation] {
        let n = a.count, m = b.count, offset = n + m + 1
        var frontier = [Int](repeating: 0, count: 2 * offset + 1)
        var trace: [[Int]] = []
        search: for d in 0...(n + m) {
            trace.append(frontier)
            for k in stride(from: -d, through: d, by: 2) {
                var x = k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1])
                    ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                frontier[offset + k] = x
                if x >= n && y >= m { trace.append(frontier); break search }
            }
        }
        var script: [Operation] = []
        var x = n, y = m
        // trace[d] is the frontier before step d; walk back from the last step.
        for d in stride(from: trace.count - 2, through: 1, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1
            let previousX = v[offset + previousK], previousY = previousX - previousK
            while x > previousX && y > previousY { script.append(.keep); x -= 1; y -= 1 }
            if previousK == k + 1 { script.append(.insert); y -= 1 } else { script.append(.delete); x -= 1 }
        }
        while x > 0 && y > 0 { script.append(.keep); x -= 1; y -= 1 }
        return script.reversed()
    }
}
