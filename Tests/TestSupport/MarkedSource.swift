import QBankCore

/// Source text with `↓` markers removed and their positions recorded, so an example
/// can say where a finding must point (swift-format's marked text, SwiftLint's `↓`).
public struct MarkedSource: Sendable {
    public var text: String
    /// 1-based line and UTF-16 column of each marker, in order.
    public var markers: [(line: Int, column: Int)]

    public init(_ marked: String) {
        var text = ""
        var markers: [(Int, Int)] = []
        var line = 1
        var column = 1
        for character in marked {
            if character == RuleExample.marker {
                markers.append((line, column))
                continue
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.utf16.count
            }
        }
        self.text = text
        self.markers = markers
    }
}
