import DequeModule
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HashTreeCollections

/// Restoring a saved session. A save comes from outside (a file, a client, an older bundle
/// version), so nothing in it is trusted: every position, variable, return point and counter is
/// checked against the dialogs before the session runs again.
extension DialogEngine {
    /// Restores a saved session. When the dialogs changed since it was saved, it keeps what still
    /// fits: the position moves to the start of its flow (or the beginning) if its node is gone or
    /// no longer waits for an answer, steps back to such nodes are dropped, and variables, return
    /// points or plan items the dialogs no longer have are dropped. `notes` says what changed, as
    /// values a front end says in the conversation's language (``RestoreNote/message(pack:)``).
    /// - Throws: ``SessionRestoreError`` when the data is not a save of these dialogs, was made by
    ///   a newer version, or is larger than ``SavedSession/maximumSize``.
    public func restore(_ data: Data) throws(SessionRestoreError) -> (session: DialogSession, notes: [RestoreNote]) {
        let saved = try Self.read(data, bundleID: bundle.id)
        var session = saved.session
        var notes: [RestoreNote] = []
        if saved.bundleVersion != bundle.version {
            notes.append(.otherVersion(saved: Self.quoted(saved.bundleVersion), current: bundle.version))
        }
        if !compiled.languages.contains(session.language) {
            notes.append(.languageUnavailable(saved: Self.quoted(session.language), instead: compiled.defaultLanguage))
            session.language = compiled.defaultLanguage
        }
        Self.limitRecords(&session)
        // Variables first: running from a flow's start below evaluates conditions on them.
        var dropped = DroppedVariables()
        keepValid(&session.variableValues, dropped: &dropped)
        session.callStack = session.callStack.filter { compiled.nodeIndex[$0] != nil }
        session.plan = validPlan(session.plan, notes: &notes)
        moveToAWaitingNode(&session, notes: &notes)
        dropStaleOffers(&session)
        // After the move: a question reached on the way is filled from the mentions as saved.
        session.mentions = session.mentions.map { $0.suffix(DialogSession.mentionLimit).map { String($0.prefix(DialogSession.mentionLength)) } }
        session.history = validHistory(session.history, dropped: &dropped, notes: &notes)
        let language = session.language
        session.trimTranscript(limit: transcriptLimit, strings: compiled.strings(language))
        return (session, notes + dropped.notes)
    }

    /// The save, once it is known to be a save of these dialogs in a format this version reads.
    private static func read(_ data: Data, bundleID: String) throws(SessionRestoreError) -> SavedSession {
        guard data.count <= SavedSession.maximumSize else { throw SessionRestoreError(code: .tooLarge, detail: String(data.count)) }
        struct Header: Decodable { var format: Int?; var bundleID: String? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data), let format = header.format else {
            throw SessionRestoreError(code: .unreadable, detail: "no format version")
        }
        guard format <= SavedSession.currentFormat else { throw SessionRestoreError(code: .newerFormat, detail: String(format)) }
        guard header.bundleID == bundleID else { throw SessionRestoreError(code: .otherBundle, detail: header.bundleID ?? "?") }
        do {
            return try JSONDecoder().decode(SavedSession.self, from: data)
        } catch {
            throw SessionRestoreError(code: .unreadable, detail: "\(error)")
        }
    }

    /// Counters and records within the limits a running session keeps them to.
    private static func limitRecords(_ session: inout DialogSession) {
        session.misses = min(max(session.misses, 0), DialogSession.missesLimit)
        session.failures = session.failures.map { min(max($0, 0), DialogSession.missesLimit) }
        session.visited = session.visited.map { Array($0.suffix(DialogSession.recordLimit)) }
        session.answers = session.answers.map { Deque($0.suffix(DialogSession.recordLimit)) }
        session.factsShown = session.factsShown.map { Array($0.suffix(DialogSession.recordLimit)) }
    }

    /// Variables the dialogs no longer declare, or whose value no longer fits, each noted once
    /// however many steps back held it.
    private struct DroppedVariables {
        var names = Set<String>()
        var notes: [RestoreNote] = []
    }

    private func keepValid(_ variables: inout Variables, dropped: inout DroppedVariables) {
        for name in variables.keys.sorted() where !isValid(variables[name]!, for: name) {
            variables[name] = nil
            if dropped.names.insert(name).inserted {
                dropped.notes.append(.answerDropped(variable: Self.quoted(name)))
            }
        }
    }

    /// Whether a saved position can be waited at: its node exists and waits for an answer.
    private func waitsHere(_ position: String) -> Bool {
        compiled.nodeIndex[position].map { compiled.nodes[$0].waitsForInput } ?? false
    }

    /// A position whose node is gone, or no longer waits, moves on from the start of its flow
    /// (or of the conversation). Without a waiting node the conversation has ended, whatever
    /// the save says.
    private func moveToAWaitingNode(_ session: inout DialogSession, notes: inout [RestoreNote]) {
        if let position = session.position, !waitsHere(position) {
            let flowID = String(position.split(separator: ":").first ?? "")
            let restart = compiled.flowIndex[flowID].map { compiled.flows[$0].start.target } ?? compiled.flows[compiled.entryFlow].start.target
            notes.append(.questionGone(question: Self.quoted(position)))
            session.position = nil
            playUnseenTurn(&session) { run(from: restart, in: &$0) }
        }
        session.ended = session.position == nil
    }

    /// Offers that no longer fit the dialogs or the position are forgotten.
    private func dropStaleOffers(_ session: inout DialogSession) {
        if session.position == nil || session.offeredFlow.map({ compiled.flowIndex[$0] == nil }) ?? false {
            session.offeredFlow = nil
        }
        session.offeredTopics = session.offeredTopics?.filter { compiled.flowIndex[$0] != nil }
        if session.offeredTopics?.isEmpty ?? false { session.offeredTopics = nil }
        if let language = session.offeredLanguage, !compiled.languages.contains(language) || language == session.language {
            session.offeredLanguage = nil
        }
        if let offer = session.offeredChoice, offeredChoiceIndex(offer, session: session) == nil {
            session.offeredChoice = nil
        }
    }

    /// The steps back that still lead to a waiting node, with what they hold made valid.
    private func validHistory(_ saved: [DialogSession.Checkpoint], dropped: inout DroppedVariables,
                              notes: inout [RestoreNote]) -> [DialogSession.Checkpoint] {
        var history: [DialogSession.Checkpoint] = []
        var ignoredPlanNotes: [RestoreNote] = []
        for var checkpoint in saved.suffix(DialogSession.undoLimit) {
            if let position = checkpoint.position, !waitsHere(position) {
                notes.append(.stepBackDropped(question: Self.quoted(position)))
                continue
            }
            checkpoint.ended = checkpoint.position == nil
            keepValid(&checkpoint.variables, dropped: &dropped)
            checkpoint.callStack = checkpoint.callStack.filter { compiled.nodeIndex[$0] != nil }
            checkpoint.plan = validPlan(checkpoint.plan, notes: &ignoredPlanNotes)
            history.append(checkpoint)
        }
        return history
    }

    /// Whether `value` may be the value of the variable `name`: declared, and of its type.
    private func isValid(_ value: DialogValue, for name: String) -> Bool {
        guard let declaration = compiled.variables[name], declaration.type.base == value.type else { return false }
        if case .oneOf(let allowed) = declaration.type, case .text(let text) = value { return allowed.contains(text) }
        return true
    }

    /// The plan items whose plan node still exists, once each, named as the dialogs name them.
    private func validPlan(_ plan: [DialogSession.PlanMark], notes: inout [RestoreNote]) -> [DialogSession.PlanMark] {
        var seen = Set<String>()
        let valid: [DialogSession.PlanMark] = plan.compactMap { mark in
            guard let index = compiled.nodeIndex[mark.node], case .plan(let item, _) = compiled.nodes[index].kind,
                  seen.insert(item.id).inserted else { return nil }
            return DialogSession.PlanMark(item: item.id, node: mark.node)
        }
        if valid.count < plan.count { notes.append(.planItemsDropped(count: plan.count - valid.count)) }
        return valid
    }

    /// Text from a save, made safe to show in a note: no control sequences, and short.
    static func quoted(_ text: String) -> String {
        let shown = ControlSequences.removed(from: String(text.unicodeScalars.prefix(200)), keepingLineBreaks: false)
        return text.unicodeScalars.count > 200 ? shown + "…" : shown
    }
}
