#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a person who takes over the conversation needs to read in ten seconds: why the handoff
/// happened, what was discussed and answered, what was shown with which sources, the plan, and
/// the question still open. In the conversation's language; without anything the person typed in
/// their own words unless ``Options/includeTypedText`` is on.
///
/// Build it with ``DialogEngine/handoffSummary(for:reason:options:)``; encode it with
/// ``jsonData()`` (sorted keys) or render it with ``markdown(pack:)``.
public struct HandoffSummary: Codable, Sendable, Equatable {
    /// Why the person was handed off.
    public var reason: Turn.Handoff.Reason
    /// The safety interrupt that fired, for ``Turn/Handoff/Reason/emergency``.
    public var interrupt: String?
    /// The conversation's language, for example `nl`.
    public var language: String
    /// The id of the dialogs the conversation ran on.
    public var bundleID: String
    /// Their version.
    public var bundleVersion: String
    /// Seconds from the start of the conversation to the summary; nil when the start time or the
    /// current time is unknown.
    public var durationSeconds: Int?
    /// The topics visited, in order (a topic visited again appears again).
    public var topics: [Topic]
    /// The answers that still stand, oldest first.
    public var answers: [Answer]
    /// The facts shown, with their values and source.
    public var facts: [Fact]
    /// The person's action plan.
    public var plan: [PlanEntry]
    /// The question waiting for an answer, if any.
    public var openQuestion: OpenQuestion?
    /// The person's own lines, oldest first; only with ``Options/includeTypedText``.
    public var typedText: [String]?

    /// What the summary may contain and when it is made.
    public struct Options: Sendable, Equatable {
        /// Whether the person's own typed lines (and typed text answers) are included. Off by
        /// default: what a person types may hold anything, and the operator decides.
        public var includeTypedText: Bool
        /// The time of the summary, by the caller's clock, for the duration.
        public var now: Date?

        /// Creates options.
        public init(includeTypedText: Bool = false, now: Date? = nil) {
            self.includeTypedText = includeTypedText
            self.now = now
        }
    }

    /// A topic visited.
    public struct Topic: Codable, Sendable, Equatable {
        /// The flow id.
        public var id: String
        /// Its title in the conversation's language.
        public var title: String
    }

    /// One answer the person gave.
    public struct Answer: Codable, Sendable, Equatable {
        /// The flow of the question.
        public var flow: String
        /// The question's node id.
        public var node: String
        /// The question as it was asked.
        public var question: String
        /// The choice picked, for a question with choices.
        public var choice: Turn.Choice?
        /// The value typed: yes/no, a number, or (only with ``Options/includeTypedText``) a text.
        public var value: DialogValue?
    }

    /// A fact shown in the conversation.
    public struct Fact: Codable, Sendable, Equatable {
        /// The fact's id.
        public var id: String
        /// Its values by field (`amount`, `year`, ...), texts in the conversation's language.
        public var values: [String: DialogValue]
        /// Where it comes from.
        public var source: SourceReference?
    }

    /// The question the conversation waits at.
    public struct OpenQuestion: Codable, Sendable, Equatable {
        /// Its flow.
        public var flow: String
        /// Its node id.
        public var node: String
        /// The question as shown.
        public var text: String
        /// What it expects: `choice`, `yesno`, `number` or `text`.
        public var expects: Turn.Expectation.Kind
        /// The smallest number accepted, for a number.
        public var min: Double?
        /// The largest number accepted, for a number.
        public var max: Double?
        /// The choices offered.
        public var choices: [Turn.Choice]
    }

    /// The summary as JSON: keys sorted, slashes unescaped, two-space indentation.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return try encoder.encode(self)
    }
}
