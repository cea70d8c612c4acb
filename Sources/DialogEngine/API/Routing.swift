/// Why a free-text message went where it went: what the engine decided, and the scores behind it.
/// Carried by every ``Turn`` in which free text was routed, so an embedder or an author can see
/// why an answer was chosen.
public struct Routing: Codable, Sendable, Equatable {
    /// What the engine did with the message.
    public enum Decision: String, Codable, Sendable {
        /// A clear winner: the conversation went to ``Routing/topic``.
        case topic
        /// Unsure: the person was asked to pick one of ``Routing/candidates``.
        case ask
        /// Not something the bundle covers: the engine said what it can help with.
        case outOfScope
        /// A safety interrupt answered (``Routing/topic`` is the interrupt's id).
        case safety
        /// The person asked for a human; the conversation is handed off (``Routing/topic`` is `handoff`).
        case handoff
    }

    /// One class the classifier scored.
    public struct Candidate: Codable, Sendable, Equatable {
        /// A flow id, an interrupt id, `handoff` or `outOfScope`.
        public var id: String
        /// The classifier's decision value: above 0 means "this one" to its own model.
        public var score: Double

        /// Creates a candidate.
        public init(id: String, score: Double) {
            self.id = id
            self.score = score
        }
    }

    /// What the engine did.
    public var decision: Decision
    /// The flow (or interrupt) chosen, when one was.
    public var topic: String?
    /// The best classes, best first (at most three); for ``Decision/ask``, the topics offered.
    public var candidates: [Candidate]

    /// Creates a routing record.
    public init(decision: Decision, topic: String?, candidates: [Candidate]) {
        self.decision = decision
        self.topic = topic
        self.candidates = candidates
    }
}
