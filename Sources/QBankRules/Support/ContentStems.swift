/// `ContentWords.of` for the bank rules, without a `Word` or a `Set` per text: an ASCII text is
/// split, lower-cased and stemmed on its bytes (the same splitting as `Words.of`, the same stems as
/// `ContentWords.stem`), and any other text takes `ContentWords.of` itself, so the words are the
/// same either way. QB505 analyses every item's keys and stem, and building a `Word` per word and a
/// `Set<String>` per text cost a tenth of a cold lint.
struct ContentStems {
    let stopWords: Set<String>
    /// The same words, looked up by bytes (an ASCII word is never made a string to be ruled out).
    private let stopWordBytes: ByteWordSet

    init(stopWords: Set<String>) {
        self.stopWords = stopWords
        stopWordBytes = ByteWordSet(stopWords)
    }

    /// Appends the stemmed content words of `text` to `out`, in order, repeats kept; for a non-ASCII
    /// text, `ContentWords.of`'s words in no particular order (callers sort and drop repeats).
    func append(_ text: String, to out: inout [String]) {
        var text = text
        let handled = text.withUTF8 { bytes -> Bool in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            appendASCII(bytes, to: &out)
            return true
        }
        if !handled { out.append(contentsOf: ContentWords.of(text, stopWords: stopWords)) }
    }

    /// The longest word stemmed on the stack; a longer one (rare) goes through `ContentWords.stem`.
    private static let bufferSize = 64

    /// Per ASCII byte, itself lower-cased when it is a word byte (letters, digits, `_`; never 0), else 0: one
    /// look-up per byte of every key and stem instead of four range tests and a case test.
    private static let wordFolding: [UInt8] = (0...255).map { (byte: UInt8) -> UInt8 in
        guard isWordByte(byte) else { return 0 }
        return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    private func appendASCII(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [String]) {
        let bufferSize = Self.bufferSize
        let count = bytes.count
        Self.wordFolding.withUnsafeBufferPointer { folding in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bufferSize) { buffer in
                var index = 0
                while index < count {
                    guard folding[Int(bytes[index])] != 0 else { index += 1; continue }
                    let start = index
                    var hasLetter = false
                    // As `Words.of`: `'`, `-` and `.` join word bytes on both sides; backticks and `**` only separate.
                    // The word is lower-cased into the buffer as it is scanned (as far as the buffer goes).
                    while index < count {
                        let byte = bytes[index]
                        let folded = folding[Int(byte)]
                        if folded != 0 {
                            if folded >= 0x61 && folded <= 0x7A { hasLetter = true }
                            if index - start < bufferSize { buffer[index - start] = folded }
                            index += 1
                        } else if Self.isJoinerByte(byte), index + 1 < count, folding[Int(bytes[index + 1])] != 0 {
                            if index - start < bufferSize { buffer[index - start] = byte }
                            index += 1
                        } else {
                            break
                        }
                    }
                    let length = index - start
                    guard length >= ContentWords.minimumLength else { continue }
                    let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    if length <= bufferSize {
                        guard hasLetter, !stopWordBytes.contains(UnsafeBufferPointer(rebasing: buffer[0..<length])) else { continue }
                        out.append(Self.stem(buffer, length: length))
                    } else {
                        let word = String(decoding: raw, as: UTF8.self).lowercased()
                        guard word.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }), !stopWords.contains(word) else { continue }
                        out.append(ContentWords.stem(word))
                    }
                }
            }
        }
    }

    /// `ContentWords.stem` on a lower-cased ASCII word in `buffer`: its suffixes tried in its order
    /// (-ations, -ation, -ings, -ing, -ies, -es after a sibilant, -ed, -s but not after ss/us/is), the
    /// first that matches stripped if four characters remain, then a final e.
    private static func stem(_ buffer: UnsafeMutableBufferPointer<UInt8>, length: Int) -> String {
        var length = length
        @inline(__always) func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard count <= length else { return false }
            let bytes = suffix.utf8Start
            for k in 0..<count where buffer[length - count + k] != bytes[k] { return false }
            return true
        }
        if ends("'s") { length -= 2 }
        // The suffixes in their order, tried only where the last letter allows them (most words end in none).
        let cut: Int
        switch length > 0 ? buffer[length - 1] : 0 {
        case 0x73: // s
            if ends("ations") {
                cut = 6
            } else if ends("ings") {
                cut = 4
            } else if ends("ies") {
                cut = 3
            } else if ends("es") && (ends("sses") || ends("xes") || ends("ches") || ends("shes")) {
                cut = 2
            } else {
                cut = ends("ss") || ends("us") || ends("is") ? 0 : 1
            }
        case 0x6E: cut = ends("ation") ? 5 : 0 // n
        case 0x67: cut = ends("ing") ? 3 : 0 // g
        case 0x64: cut = ends("ed") ? 2 : 0 // d
        default: cut = 0
        }
        if cut > 0, length - cut >= ContentWords.minimumLength {
            let plural = cut == 3 && ends("ies")
            length -= cut
            if plural {
                buffer[length] = 0x79
                length += 1
            }
        }
        if length > ContentWords.minimumLength, buffer[length - 1] == 0x65 { length -= 1 }
        return String(unsafeUninitializedCapacity: length) { out in
            for k in 0..<length { out[k] = buffer[k] }
            return length
        }
    }

    @inline(__always) private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    @inline(__always) private static func isJoinerByte(_ byte: UInt8) -> Bool { byte == 0x27 || byte == 0x2D || byte == 0x2E }

    /// Sorts `words` and drops repeats: the order the lint cache stores them in.
    static func sortedDistinct(_ words: inout [String]) {
        words.sort()
        var write = 0
        for read in words.indices where read == 0 || words[read] != words[write - 1] {
            words.swapAt(write, read)
            write += 1
        }
        words.removeLast(words.count - write)
    }
}
