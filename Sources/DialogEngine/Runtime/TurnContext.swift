/// One turn in the making: the conversation it moves on and what it says and does so far. The
/// runtime passes it on as one `inout` value; the engine and its compiled bundle stay `self`.
struct TurnContext {
    var session: DialogSession
    var builder: TurnBuilder
}

extension DialogEngine {
    /// Runs `body` as one turn of `session` and returns the ``Turn`` it shows (recorded in the
    /// transcript unless `record` is false). The session moves into the turn and back, so no
    /// part of it is copied on the way.
    func playTurn(_ session: inout DialogSession, outcome: Turn.Outcome, record: Bool = true,
                  _ body: (inout TurnContext) -> Void) -> Turn {
        var turn = TurnContext(session: consume session, builder: TurnBuilder(outcome: outcome))
        body(&turn)
        let shown = finish(&turn, record: record)
        session = turn.session
        return shown
    }

    /// Runs `body` as a turn of `session` that nobody sees: restoring a save moves on to a
    /// question that way.
    func playUnseenTurn(_ session: inout DialogSession, _ body: (inout TurnContext) -> Void) {
        var turn = TurnContext(session: consume session, builder: TurnBuilder(outcome: .command))
        body(&turn)
        session = turn.session
    }
}
