/// What a message can be about, as far as the classifier can tell.
enum Intent: Hashable, Sendable {
    /// A listed flow (its index in the bundle).
    case topic(Int)
    /// A safety interrupt such as an emergency (its index in the bundle).
    case interrupt(Int)
    /// Asking for a human: a handoff.
    case handoff
    /// Nothing the bundle covers: small talk, other questions.
    case outOfScope
}
