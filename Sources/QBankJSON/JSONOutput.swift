/// A tiny pretty-printer for the writers: tracks indentation and commas so each
/// writer only says which fields go in which order.
struct JSONOutput {
    var bytes: [UInt8] = []
    private var level = 0
    /// Whether the current container already has a member (so the next needs a comma).
    private var hasMember: [Bool] = []

    init() { bytes.reserveCapacity(1 << 16) }

    mutating func open(_ bracket: Character) {
        bytes.append(UInt8(ascii: bracket.unicodeScalars.first!))
        level += 1
        hasMember.append(false)
    }

    mutating func close(_ bracket: Character) {
        let had = hasMember.removeLast()
        level -= 1
        if had { newline() }
        bytes.append(UInt8(ascii: bracket.unicodeScalars.first!))
    }

    private mutating func separator() {
        if hasMember[hasMember.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasMember[hasMember.count - 1] = true
        newline()
    }

    private mutating func newline() {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * level))
    }

    mutating func field(_ key: String, _ value: (inout JSONOutput) -> Void) {
        separator()
        string(key)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(0x20)
        value(&self)
    }

    mutating func array<T>(_ elements: [T], _ element: (inout JSONOutput, T) -> Void) {
        open("[")
        for e in elements {
            separator()
            element(&self, e)
        }
        close("]")
    }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// A JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
    mutating func string(_ s: String) {
        bytes.append(0x22)
        for c in s.utf8 {
            switch c {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(0x5C); bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(0x5C); bytes.append(UInt8(ascii: "f"))
            case 0..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(contentsOf: hex(UInt32(c), width: 2).utf8)
            default: bytes.append(c)
            }
        }
        bytes.append(0x22)
    }
}
