extension Turn {
    /// The person is handed to a human, and why. Set on the turn in which it happens; the turn's
    /// messages say what happens now and where a person can be reached (the bundle's words).
    public struct Handoff: Codable, Sendable, Equatable {
        /// Why the conversation is handed to a person.
        public enum Reason: String, Codable, Sendable, CaseIterable {
            /// The person asked for a human (`/human`, `/mens`, or in their own words).
            case requested
            /// Help failed several times in a row (the bundle sets how many).
            case repeatedFailure
            /// A safety interrupt fired; ``Handoff/interrupt`` names it.
            case emergency
        }

        /// Why.
        public var reason: Reason
        /// The id of the safety interrupt, for ``Reason/emergency``.
        public var interrupt: String?

        /// Creates a handoff record.
        public init(reason: Reason, interrupt: String? = nil) {
            self.reason = reason
            self.interrupt = interrupt
        }
    }
}
