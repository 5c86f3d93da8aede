import Testing
@testable import QBankInterchange

/// The panel's ratings sheet: columns by name, one rating per rater and item, errors at file:line:col.
struct RatingTableTests {
    func read(_ text: String) throws(RatingTable.Failure) -> [(item: String, rater: String, rating: Double)] {
        try RatingTable.read(Array(text.utf8), path: "r.csv")
    }

    @Test func columnsInAnyOrderAndAnEmptyRatingIsNoRating() throws {
        let rows = try read("Rater,Item,Rating\nann,q1,0.6\n\"bo\",q1, 0.75 \nann,q2,\n")
        #expect(rows.map(\.item) == ["q1", "q1"] && rows.map(\.rater) == ["ann", "bo"] && rows.map(\.rating) == [0.6, 0.75])
    }

    @Test(arguments: [
        ("item,rater,rating\nq1,ann,65\n", "r.csv:2:3: rating '65' must be a number from 0 to 1 (a probability, not a percentage)"),
        ("item,rater,rating\nq1,ann,high\n", "r.csv:2:3: rating 'high' must be"),
        ("item,rater,rating\nq1,ann,0.5\nq1,ann,0.6\n", "r.csv:3:1: rater 'ann' rated 'q1' already on line 2"),
        ("item,rater,rating,round\nq1,ann,0.5,1\n", "r.csv:1:4: column 'round' is not item, rater or rating"),
        ("item,rating\nq1,0.5\n", "r.csv:1:1: the header must name the columns item, rater and rating"),
        ("item,rater,rating\nq1,0.5\n", "r.csv:2:1: 2 fields where the header has 3"),
        ("item,rater,rating\n,ann,0.5\n", "r.csv:2:1: no item"),
        ("", "r.csv:1:1: empty ratings file"),
    ])
    func badSheetsAreRefusedAtTheirPosition(_ text: String, _ message: String) {
        let error = #expect(throws: RatingTable.Failure.self) { try read(text) }
        #expect(error?.description.hasPrefix(message) == true, "\(error?.description ?? "no error")")
    }
}
