import DequeModule
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HashTreeCollections

/// The state of one conversation: where it is, what the person answered, their plan and the
/// transcript. It never holds a copy of the dialogs, so it stays small and can be stored, sent
/// and restored (see ``SavedSession``).
public struct DialogSession: Codable, Sendable, Equatable {
    /// The language the conversation is in, for example `nl`.
    public internal(set) var language: String
    /// The node waiting for an answer, as `flow:node`; nil once the conversation has ended.
    public internal(set) var position: String?
    /// Return points of flows that were called and have not ended yet, innermost last.
    var callStack: [String] = []
    /// Variables set so far, by name: a copy, made on each read.
    public var variables: [String: DialogValue] { Dictionary(uniqueKeysWithValues: variableValues.lazy.map { ($0.key, $0.value) }) }
    /// The variables as the engine reads and sets them (see ``Variables``).
    var variableValues: Variables = [:]
    /// The person's action plan, in the order items were added.
    var plan: [PlanMark] = []
    /// States to go back to, one per answer, newest last.
    var history: [Checkpoint] = []
    /// Everything said so far, by both sides: a copy of the lines, made on each read (at most
    /// the engine's ``DialogEngine/transcriptLimit``).
    public internal(set) var transcript: [TranscriptEntry] {
        get { Array(lines) }
        set { lines = Deque(newValue) }
    }
    /// The transcript's lines: a deque, because once a conversation reaches the engine's limit
    /// every turn drops its oldest line, and an array moved all the others to do that.
    var lines: Deque<TranscriptEntry> = []
    /// A topic switch the engine offered and is waiting to hear yes or no about.
    var offeredFlow: String?
    /// Topics the engine asked the person to pick from, when it was unsure what they meant.
    var offeredTopics: [String]?
    /// A language the engine offered to continue in, when the person wrote in it.
    var offeredLanguage: String?
    /// The choice the engine asked about with "Do you mean …?", waiting for yes or no.
    var offeredChoice: OfferedChoice?
    /// The person's latest messages in their own words (not bare numbers or labels), newest last,
    /// so that a later question they already answered is not asked again.
    var mentions: [String]?
    /// Answers in a row that matched nothing, for escalating help.
    var misses = 0
    /// The most misses a restored session keeps; help does not escalate further than this anyway.
    static let missesLimit = 100
    /// Whether the conversation has ended (an end node, or the person quit).
    public internal(set) var ended = false
    /// When the conversation started, by the clock the caller passed to
    /// ``DialogEngine/start(language:at:)``; nil when none was passed, or in a session saved
    /// before it was kept.
    public internal(set) var startedAt: Date?
    // What a handoff summary reports; optional, so sessions saved before they were kept restore.
    /// Topics (listed flow ids) the conversation entered, in order, each time it entered one.
    var visited: [String]?
    /// Answers given that still stand (``DialogEngine/back(_:)`` drops the undone ones), oldest first.
    var answers: Deque<AnswerMark>?
    /// Facts whose values were shown, in the order first shown.
    var factsShown: [String]?
    /// Turns in a row in which help failed (not understood, asked which was meant, invalid).
    var failures: Int?
    /// The latest handoff to a human, if there was one.
    public internal(set) var lastHandoff: Turn.Handoff?
    /// The most topics, answers or facts the summary lists keep; older ones are dropped.
    static let recordLimit = 200

    // Every stored property, `lines` and `variableValues` under their public names: a saved
    // session reads as before.
    private enum CodingKeys: String, CodingKey {
        case language, position, callStack, plan, history
        case variableValues = "variables"
        case lines = "transcript"
        case offeredFlow, offeredTopics, offeredLanguage, offeredChoice, mentions, misses, ended, startedAt
        case visited, answers, factsShown, failures, lastHandoff
    }

    init(language: String, startedAt: Date? = nil) {
        self.language = language
        self.startedAt = startedAt
    }

    /// A choice of one question that "Do you mean …?" asked about.
    struct OfferedChoice: Codable, Sendable, Equatable {
        /// The question, as `flow:node`: the offer holds only while the conversation waits there.
        var node: String
        /// The choice's id (or the option's value).
        var choice: String
    }

    /// An answer the person gave: a choice's id, or a typed value.
    struct AnswerMark: Codable, Sendable, Equatable {
        /// The question, as `flow:node`.
        var node: String
        /// The chosen choice or option id.
        var choice: String?
        /// The typed value (yes/no, a number, a text).
        var value: DialogValue?
    }

    /// Records an answer for the summary. When the oldest answer is dropped to stay within
    /// ``recordLimit``, the counts `back` restores shift with it.
    mutating func record(answer: AnswerMark) {
        let before = answers?.count ?? 0
        Self.append(answer, to: &answers)
        let dropped = before + 1 - (answers?.count ?? 0)
        guard dropped > 0 else { return }
        // An array, not a deque: an array changes its elements in place, a deque moves each
        // one out and back, which cost more than removing the oldest checkpoint moves.
        for index in history.indices { history[index].forget(answers: dropped) }
    }

    /// Adds `element` to one of the summary lists, keeping it within ``recordLimit``.
    static func append<List: RangeReplaceableCollection>(_ element: List.Element, to list: inout List?) {
        // In place: a copy of the list would copy every element on every answer.
        if list == nil { list = List() }
        list!.append(element)
        if list!.count > recordLimit { list!.removeFirst(list!.count - recordLimit) }
    }

    /// A plan item added by a plan node.
    struct PlanMark: Codable, Sendable, Equatable {
        var item: String
        /// The plan node that added it, as `flow:node`.
        var node: String
    }

    /// What ``DialogEngine/back(_:)`` restores.
    struct Checkpoint: Codable, Sendable, Equatable {
        var position: String?
        var callStack: [String]
        var variables: Variables
        var plan: [PlanMark]
        var ended: Bool
        /// How many answers stood; nil in sessions saved before answers were kept.
        var answerCount: Int?

        /// Counts `dropped` fewer answers, after the oldest were dropped from the summary.
        mutating func forget(answers dropped: Int) {
            if let count = answerCount { answerCount = max(0, count - dropped) }
        }
    }

    var checkpoint: Checkpoint {
        Checkpoint(position: position, callStack: callStack, variables: variableValues, plan: plan, ended: ended, answerCount: answers?.count ?? 0)
    }

    /// How many answers `back` can undo; older states are dropped so a long chat stays small.
    static let undoLimit = 100

    /// Remembers the current state so `back` can return to it.
    mutating func rememberForBack() {
        history.append(checkpoint)
        if history.count > Self.undoLimit { history.removeFirst(history.count - Self.undoLimit) }
    }

    mutating func restore(_ checkpoint: Checkpoint) {
        position = checkpoint.position
        callStack = checkpoint.callStack
        variableValues = checkpoint.variables
        plan = checkpoint.plan
        ended = checkpoint.ended
        if let count = checkpoint.answerCount, let list = answers, count < list.count { answers = Deque(list.prefix(max(0, count))) }
        offeredFlow = nil
        offeredTopics = nil
        offeredLanguage = nil
        offeredChoice = nil
        misses = 0
    }

    /// How many of the person's own-words messages are kept for filling later questions.
    static let mentionLimit = 3
    /// Longer messages are kept only up to this many characters.
    static let mentionLength = 300

    /// Remembers a message typed in the person's own words.
    mutating func remember(mention: String) {
        if mentions == nil { mentions = [] }
        mentions!.append(String(mention.prefix(Self.mentionLength)))
        if mentions!.count > Self.mentionLimit { mentions!.removeFirst(mentions!.count - Self.mentionLimit) }
    }

    /// Forgets offers that only made sense for the previous turn.
    mutating func clearOffers() {
        offeredFlow = nil
        offeredTopics = nil
        offeredLanguage = nil
        offeredChoice = nil
    }

    /// How many answers ``DialogEngine/back(_:)`` can still undo.
    public var undoDepth: Int { history.count }
}

/// One line of a conversation's transcript.
public struct TranscriptEntry: Codable, Sendable, Equatable {
    /// Who said it.
    public enum Speaker: String, Codable, Sendable {
        /// The assistant.
        case bot
        /// The person.
        case person
        /// Not a line but a marker where older lines were dropped to keep the session small
        /// (see ``DialogEngine/transcriptLimit``); `text` says how many, in the conversation's language.
        case omitted
    }

    /// Who said it.
    public var speaker: Speaker
    /// What was said, as shown.
    public var text: String
    /// For an ``Speaker/omitted`` marker: how many lines it stands for.
    public var omittedCount: Int?

    /// Creates a transcript line.
    public init(speaker: Speaker, text: String, omittedCount: Int? = nil) {
        self.speaker = speaker
        self.text = text
        self.omittedCount = omittedCount
    }
}
