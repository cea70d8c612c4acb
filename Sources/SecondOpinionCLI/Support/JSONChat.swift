import DialogEngine
import Foundation

/// The machine-readable conversation: one JSON object per turn on standard output, one answer per
/// line on standard input. The first object is the greeting, written before any input is read.
struct JSONChat {
    let engine: DialogEngine
    let language: String

    /// The wire form of a turn; documented in the README.
    struct Output: Encodable {
        var flow: String
        var node: String
        var messages: [String]
        var question: String?
        var choices: [Turn.Choice]
        var expects: String
        var min: Double?
        var max: Double?
        var sources: [SourceReference]
        var plan: [PlanEntry]
        var ended: Bool
        var outcome: String
        var events: [DialogEvent]
        var routing: Routing?

        init(_ turn: Turn) {
            flow = turn.flow
            node = turn.node
            messages = turn.messages
            question = turn.question
            choices = turn.choices
            expects = turn.expects.kind.rawValue
            min = turn.expects.minimum
            max = turn.expects.maximum
            sources = turn.sources
            plan = turn.plan
            ended = turn.ended
            outcome = turn.outcome.rawValue
            events = turn.events
            routing = turn.routing
        }
    }

    func run() {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var (session, turn) = engine.start(language: language)
        emit(turn, encoder)
        while let line = readLine(strippingNewline: true) {
            turn = engine.reply(line, in: &session)
            emit(turn, encoder)
            if turn.outcome == .quit { return }
        }
    }

    private func emit(_ turn: Turn, _ encoder: JSONEncoder) {
        guard var data = try? encoder.encode(Output(turn)) else { return }
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }
}
