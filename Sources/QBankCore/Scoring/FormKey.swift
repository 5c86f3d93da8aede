/// An assembled form as its key file (`FORM.key.json`) describes it: which bank item sits
/// at each position and whether it counts. Reports read forms from here because the key,
/// unlike the candidate-facing form file, carries domain, task and the scored flag.
public struct FormKey: Sendable, Equatable {
    public struct Slot: Sendable, Equatable {
        public var position: Int
        public var id: String
        public var domain: Int
        public var task: String
        public var type: String
        public var scored: Bool
        /// Where the slot's object starts in the key file, for messages about it.
        public var line: Int
        public var column: Int

        public init(position: Int, id: String, domain: Int, task: String, type: String, scored: Bool, line: Int = 0, column: Int = 0) {
            self.position = position
            self.id = id
            self.domain = domain
            self.task = task
            self.type = type
            self.scored = scored
            self.line = line
            self.column = column
        }
    }

    /// The form's name, e.g. `form-1`.
    public var form: String
    /// The exam code of the blueprint the form was assembled for.
    public var blueprint: String?
    /// The key file, as messages should name it.
    public var path: String
    public var slots: [Slot]

    public init(form: String, blueprint: String?, path: String, slots: [Slot]) {
        self.form = form
        self.blueprint = blueprint
        self.path = path
        self.slots = slots
    }
}
