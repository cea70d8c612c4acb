/// What the assistant says in one turn, and what it expects next.
///
/// Front ends render a turn; they never need to look inside the dialogs. Its JSON form (see
/// `Turn+Wire.swift`) is the machine-readable protocol of `second-opinion chat --json` and of the
/// HTTP API alike.
public struct Turn: Codable, Sendable, Equatable {
    /// The flow the conversation is in after this turn.
    public var flow: String
    /// The node the conversation is at after this turn (the question waiting for an answer, or
    /// the end node).
    public var node: String
    /// The conversation's language after this turn (a command, a request in words or a yes to
    /// "shall we continue in …?" may have changed it), for a front end's own words. Empty for a
    /// turn read from JSON written before turns carried it.
    public var language: String
    /// Messages to show, in order, before the question.
    public var messages: [String]
    /// The question waiting for an answer, if any.
    public var question: String?
    /// The choices of the question, numbered from 1.
    public var choices: [Choice]
    /// What kind of answer is expected.
    public var expects: Expectation
    /// Sources of what was said in this turn.
    public var sources: [SourceReference]
    /// The person's action plan so far.
    public var plan: [PlanEntry]
    /// Whether the conversation has ended.
    public var ended: Bool
    /// How the engine understood the last input.
    public var outcome: Outcome
    /// Everything that happened in this turn, for embedders that react to events.
    public var events: [DialogEvent]
    /// How free text was routed in this turn (topic, asking, out of scope, safety), with the
    /// scores behind it; nil when nothing was routed.
    public var routing: Routing?
    /// Set when this turn hands the person to a human (see ``Handoff``); nil otherwise.
    public var handoff: Handoff?

    /// Creates a turn; the engine makes them, front-end tests may too.
    public init(
        flow: String, node: String, language: String, messages: [String], question: String?, choices: [Choice], expects: Expectation,
        sources: [SourceReference], plan: [PlanEntry], ended: Bool, outcome: Outcome, events: [DialogEvent], routing: Routing? = nil,
        handoff: Handoff? = nil
    ) {
        self.flow = flow
        self.node = node
        self.language = language
        self.messages = messages
        self.question = question
        self.choices = choices
        self.expects = expects
        self.sources = sources
        self.plan = plan
        self.ended = ended
        self.outcome = outcome
        self.events = events
        self.routing = routing
        self.handoff = handoff
    }

    /// One answer the person can pick.
    public struct Choice: Codable, Sendable, Equatable {
        /// The number to type, from 1.
        public var number: Int
        /// The stable id of the choice.
        public var id: String
        /// The label in the conversation's language.
        public var label: String

        /// Creates a choice as shown to the person.
        public init(number: Int, id: String, label: String) {
            self.number = number
            self.id = id
            self.label = label
        }
    }

    /// What kind of answer the current question expects.
    public struct Expectation: Codable, Sendable, Equatable {
        /// The kinds of answer.
        public enum Kind: String, Codable, Sendable {
            /// One of ``Turn/choices``, by number, label or synonym.
            case choice
            /// Yes or no.
            case yesNo = "yesno"
            /// A number, within ``minimum`` and ``maximum`` when given.
            case number
            /// Free text.
            case text
            /// Nothing: the conversation has ended.
            case none
        }

        /// The kind of answer.
        public var kind: Kind
        /// The smallest number accepted, for ``Kind/number``.
        public var minimum: Double?
        /// The largest number accepted, for ``Kind/number``.
        public var maximum: Double?

        /// Creates an expectation.
        public init(kind: Kind, minimum: Double? = nil, maximum: Double? = nil) {
            self.kind = kind
            self.minimum = minimum
            self.maximum = maximum
        }

        static let none = Expectation(kind: .none)
    }

    /// How the engine understood the input that led to this turn.
    public enum Outcome: String, Codable, Sendable {
        /// The start of a conversation.
        case started
        /// The answer was understood and the conversation moved on.
        case answered
        /// The answer matched nothing; the question is asked again.
        case notUnderstood
        /// The answer matched more than one choice, or only weakly; the engine asks which.
        case clarification
        /// The answer did not fit the expected kind (a number out of range, say).
        case invalid
        /// The answer sounded like another topic; the engine offers to switch.
        case switchOffered
        /// Words that must be answered at once (an emergency) were recognised.
        case interrupted
        /// A command such as help, back or language was carried out.
        case command
        /// The person quit.
        case quit
    }
}

/// A citable reference shown with an answer.
public struct SourceReference: Codable, Sendable, Equatable, Hashable {
    /// The source's id in the bundle.
    public var id: String
    /// The title of the page or document.
    public var title: String
    /// Who published it.
    public var publisher: String
    /// Where to read it, when it is online.
    public var url: String?
    /// When the content was last checked against the source (YYYY-MM-DD).
    public var checked: String

    /// Creates a reference.
    public init(id: String, title: String, publisher: String, url: String?, checked: String) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.url = url
        self.checked = checked
    }
}

/// One item of the person's action plan.
public struct PlanEntry: Codable, Sendable, Equatable {
    /// The item's stable id.
    public var id: String
    /// The next step, in the conversation's language.
    public var text: String
    /// Where the advice comes from.
    public var sources: [SourceReference]

    /// Creates a plan entry.
    public init(id: String, text: String, sources: [SourceReference]) {
        self.id = id
        self.text = text
        self.sources = sources
    }
}
