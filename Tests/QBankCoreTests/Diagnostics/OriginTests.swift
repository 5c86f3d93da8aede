import QBankCore
import Testing

/// `Origin` stores its parts packed when they fit and boxed when they do not; either way each part
/// reads back exactly as written.
struct OriginTests {
    private let here = QBankCore.SourceLocation(file: "bank.xml", line: 12, column: 7)
    private let span = TextSpan(start: 300, end: 340, raw: "a &amp; b", syntax: .xml,
                                endLocation: QBankCore.SourceLocation(file: "bank.xml", line: 12, column: 47))

    private func expectParts(_ origin: Origin, _ location: QBankCore.SourceLocation?, _ span: TextSpan?, _ element: Range<Int>?,
                             _ source: String?) {
        #expect(origin.location == location)
        #expect(origin.span == span)
        #expect(origin.element == element)
        #expect(origin.elementSource == source)
    }

    @Test func packedShapesReadBack() {
        expectParts(Origin(), nil, nil, nil, nil)
        expectParts(Origin(here), here, nil, nil, nil)
        expectParts(Origin(here, span: span), here, span, nil, nil)
        var json = span
        json.syntax = .json
        expectParts(Origin(here, span: json), here, json, nil, nil)
        var element = Origin(here)
        element.element = 100..<250
        element.elementSource = "<option id=\"a\"/>"
        expectParts(element, here, nil, 100..<250, "<option id=\"a\"/>")
        element.elementSource = nil
        expectParts(element, here, nil, 100..<250, nil)
    }

    @Test func shapesThatDoNotPackReadBack() {
        // A span and an element range together.
        var both = Origin(here, span: span)
        both.element = 0..<400
        expectParts(both, here, span, 0..<400, nil)
        // Offsets and lines past 32 bits, a span without a location, a span ending in another file.
        let far = QBankCore.SourceLocation(file: "big.xml", line: 5_000_000_000, column: 3)
        var wide = Origin(far)
        wide.element = 4_294_967_296..<4_294_967_400
        expectParts(wide, far, nil, 4_294_967_296..<4_294_967_400, nil)
        expectParts(Origin(nil, span: span), nil, span, nil, nil)
        var elsewhere = span
        elsewhere.endLocation.file = "other.xml"
        expectParts(Origin(here, span: elsewhere), here, elsewhere, nil, nil)
        // Setting a part back to a packable shape packs again without losing the others.
        both.element = nil
        expectParts(both, here, span, nil, nil)
        both.location = nil
        expectParts(both, nil, span, nil, nil)
    }

    @Test func originsStayOutOfEquality() {
        #expect(Origin(here, span: span) == Origin())
        #expect(Text("x", origin: Origin(here)) == Text("x"))
    }

    /// The budget that keeps a bank's model near its size on disk (about ten origins per item).
    @Test func originFitsItsBudget() {
        #expect(MemoryLayout<Origin>.size <= 72)
    }
}
