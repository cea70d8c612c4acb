#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Runs conversations over a ``DialogBundle``.
///
/// The engine is an immutable value: all state lives in the ``DialogSession`` you pass in, so one
/// engine serves any number of sessions on any number of threads, and the same inputs always give
/// the same turns.
///
/// ```swift
/// let engine = DialogEngine(bundle: bundle)
/// var (session, greeting) = engine.start(language: "en")
/// let turn = engine.reply("my GP won't give me a referral", in: &session)
/// ```
public struct DialogEngine: Sendable {
    /// The dialogs this engine runs.
    public let bundle: DialogBundle
    /// Called with every event of every turn, in order, for embedders that want a live feed.
    public let observer: (@Sendable (DialogEvent) -> Void)?

    var compiled: CompiledBundle { bundle.compiled }

    /// The most transcript lines a session keeps. Older lines are dropped and replaced by one
    /// ``TranscriptEntry/Speaker/omitted`` marker, so a session held by a server stays small
    /// however long the conversation goes on. Saves larger than ``SavedSession/maximumSize`` are
    /// refused, so raise this with care.
    public let transcriptLimit: Int

    /// The default ``transcriptLimit``: about 250 questions and answers.
    public static let defaultTranscriptLimit = 500

    /// Replies longer than this many characters are cut before they are matched or stored.
    public static var maximumInputLength: Int { InputSanitizer.maximumLength }

    /// Creates an engine over `bundle`, optionally reporting every event to `observer`, keeping at
    /// most `transcriptLimit` transcript lines per session (at least 2: the marker and one line).
    public init(bundle: DialogBundle, observer: (@Sendable (DialogEvent) -> Void)? = nil,
                transcriptLimit: Int = DialogEngine.defaultTranscriptLimit) {
        self.bundle = bundle
        self.observer = observer
        self.transcriptLimit = max(2, transcriptLimit)
    }

    /// Starts a conversation in `language` (the bundle's default when nil or unknown) and returns
    /// the new session with the greeting turn. `time` is when it starts, by the caller's clock:
    /// a handoff summary reports the duration from it (the engine never reads a clock itself, so
    /// the same inputs give the same session).
    public func start(language: String? = nil, at time: Date? = nil) -> (DialogSession, Turn) {
        let chosen = language.flatMap { compiled.languages.contains($0) ? $0 : nil } ?? compiled.defaultLanguage
        var session = DialogSession(language: chosen, startedAt: time)
        // The turn first: it records the greeting in the session's transcript.
        let greeting = playTurn(&session, outcome: .started) { run(from: compiled.flows[compiled.entryFlow].start.target, in: &$0) }
        return (session, greeting)
    }

    /// Handles one line typed by the person and returns the assistant's answer.
    public func reply(_ text: String, in session: inout DialogSession) -> Turn {
        let input = InputSanitizer.clean(text)
        // Kept within the transcript limit at the end of the turn, with the turn's own line.
        session.lines.append(TranscriptEntry(speaker: .person, text: input))
        let typed = TypedText(input, words: compiled.words(session.language))
        return playTurn(&session, outcome: .answered) { turn in
            handle(typed, in: &turn)
            // An empty line is not help that failed; it neither counts nor breaks the count.
            if !typed.words.isEmpty { countFailures(in: &turn) }
        }
    }

    /// Hands the person to a human, as the `/human` command does: the bundle's words about
    /// where a person can be reached, and the current question again. The turn's
    /// ``Turn/handoff`` says so, with reason ``Turn/Handoff/Reason/requested``.
    public func handOff(_ session: inout DialogSession) -> Turn {
        playTurn(&session, outcome: .command) { handOffOnRequest(in: &$0) }
    }

    /// Undoes the last answer, as the `back` command does.
    public func back(_ session: inout DialogSession) -> Turn {
        playTurn(&session, outcome: .command) { goBack(in: &$0) }
    }

    /// Starts over in the same language, keeping nothing but the language and the start time.
    public func restart(_ session: inout DialogSession) -> Turn {
        session = DialogSession(language: session.language, startedAt: session.startedAt)
        return playTurn(&session, outcome: .started) { run(from: compiled.flows[compiled.entryFlow].start.target, in: &$0) }
    }

    /// Switches the conversation's language and repeats the current question in it.
    public func setLanguage(_ language: String, in session: inout DialogSession) -> Turn {
        playTurn(&session, outcome: .command) { changeLanguage(to: language, in: &$0) }
    }

    /// The current question again, without changing anything (for example after a reload),
    /// with the engine's own "Do you mean …?" when it still waits for its yes or no.
    public func current(_ session: inout DialogSession) -> Turn {
        playTurn(&session, outcome: .command, record: false) { turn in
            repeatOffer(in: &turn)
            presentCurrent(in: &turn)
        }
    }

    /// The person's action plan in the session's language.
    public func plan(of session: DialogSession) -> [PlanEntry] {
        session.plan.compactMap { mark in
            guard let index = compiled.nodeIndex[mark.node], case .plan(let item, _) = compiled.nodes[index].kind else { return nil }
            return PlanEntry(id: item.id, text: item.text.render(language: session.language, fallback: compiled.defaultLanguage, variables: session.variableValues,
                    pack: compiled.pack(session.language)),
                             sources: references(item.sources, language: session.language))
        }
    }

    /// The transcript of the conversation so far.
    public func transcript(of session: DialogSession) -> [TranscriptEntry] { session.transcript }
}
