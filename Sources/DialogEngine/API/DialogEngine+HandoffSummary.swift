import DequeModule
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Building a ``HandoffSummary`` from a session.
extension DialogEngine {
    /// The summary of `session` for a handoff with `reason`, in the conversation's language.
    /// The session is not changed. For ``Turn/Handoff/Reason/emergency`` the interrupt is the one
    /// of the session's latest handoff.
    public func handoffSummary(for session: DialogSession, reason: Turn.Handoff.Reason,
                               options: HandoffSummary.Options = HandoffSummary.Options()) -> HandoffSummary {
        let language = session.language
        let fallback = compiled.defaultLanguage
        let render = { (text: LocalizedText) in text.render(language: language, fallback: fallback, variables: session.variableValues) }
        let topics = (session.visited ?? []).compactMap { id in
            compiled.flowIndex[id].map { HandoffSummary.Topic(id: id, title: render(compiled.flows[$0].title)) }
        }
        let answers = (session.answers ?? []).compactMap { summaryAnswer($0, includeText: options.includeTypedText, render: render) }
        let facts = (session.factsShown ?? []).compactMap { id in
            compiled.facts[id].map { fact in
                var values = fact.fields
                for (field, text) in fact.localizedFields { values[field] = .text(render(text)) }
                return HandoffSummary.Fact(id: id, values: values, source: references([fact.source], language: language).first)
            }
        }
        var copy = session
        let current = self.current(&copy)
        let open = current.expects.kind == .none ? nil : HandoffSummary.OpenQuestion(
            flow: current.flow, node: current.node, text: current.question ?? "", expects: current.expects.kind,
            min: current.expects.minimum, max: current.expects.maximum, choices: current.choices)
        var duration: Int?
        if let start = session.startedAt, let now = options.now { duration = max(0, Int(now.timeIntervalSince(start).rounded())) }
        let typed = options.includeTypedText ? session.lines.filter { $0.speaker == .person }.map(\.text) : nil
        return HandoffSummary(
            reason: reason, interrupt: reason == .emergency ? session.lastHandoff?.interrupt : nil, language: language,
            bundleID: bundle.id, bundleVersion: bundle.version, durationSeconds: duration, topics: topics, answers: answers,
            facts: facts, plan: plan(of: session), openQuestion: open, typedText: typed)
    }

    private func summaryAnswer(_ mark: DialogSession.AnswerMark, includeText: Bool, render: (LocalizedText) -> String) -> HandoffSummary.Answer? {
        guard let index = compiled.nodeIndex[mark.node] else { return nil }
        let node = compiled.nodes[index]
        let flow = compiled.flows[node.flow].id
        switch node.kind {
        case .ask(let ask):
            guard let position = ask.choices.firstIndex(where: { $0.id == mark.choice }) else { return nil }
            let choice = Turn.Choice(number: position + 1, id: ask.choices[position].id, label: render(ask.choices[position].label))
            return HandoffSummary.Answer(flow: flow, node: node.id, question: render(ask.text), choice: choice)
        case .input(let input):
            if case .oneOf(let options) = input.type {
                guard let position = options.firstIndex(where: { $0.value == mark.choice }) else { return nil }
                let choice = Turn.Choice(number: position + 1, id: options[position].value, label: render(options[position].label))
                return HandoffSummary.Answer(flow: flow, node: node.id, question: render(input.question), choice: choice)
            }
            guard let value = mark.value else { return nil }
            // A typed text is the person's own words: only when the operator allows it.
            if case .text = value, !includeText { return nil }
            return HandoffSummary.Answer(flow: flow, node: node.id, question: render(input.question), value: value)
        default:
            return nil
        }
    }
}
