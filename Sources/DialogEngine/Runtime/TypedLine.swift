/// One typed line while `handle` works on it: what was typed, and what its steps worked out about
/// it, each worked out once, by the first step that needs it.
struct TypedLine {
    let input: TypedText
    /// Where the line was typed; nil until a step asks (see `DialogEngine.place(of:_:)`).
    var place: Place?
    /// What the answer matcher and the classifier made of it; nil until a step asks (see
    /// `DialogEngine.reading(of:_:)`). No step before the safety net asks, so exact answers,
    /// commands and offers never run the classifier.
    var reading: Reading?

    init(_ input: TypedText) { self.input = input }

    /// Where a line is typed, which decides what it can be: an answer at a question; a topic at
    /// the menu or where nothing is asked. The menu is special here, and only here.
    enum Place {
        /// A question of a flow: the line may answer it.
        case question(WaitingQuestion)
        /// The menu: its choices are taken only exactly; free text picks a topic.
        case menu(WaitingQuestion)
        /// Nothing is asked (the conversation ended): free text picks a topic.
        case nowhere

        /// The question waiting, at a flow's question or the menu.
        var question: WaitingQuestion? {
            switch self {
            case .question(let question), .menu(let question): question
            case .nowhere: nil
            }
        }

        var isMenu: Bool {
            if case .menu = self { true } else { false }
        }

        /// Whether free text picks a topic here: at the menu or where nothing is asked.
        var picksTopic: Bool {
            if case .question = self { false } else { true }
        }
    }

    /// What the answer matcher and the classifier made of the line.
    struct Reading {
        let place: Place
        /// How well the line answers the question: only at a flow's question, never at the menu.
        let answer: DialogEngine.AnswerFit
        /// The classifier's reading, decided with the policy for where the line was typed.
        let understanding: DialogEngine.Understanding
    }
}

/// The ask or input node the conversation waits at.
struct WaitingQuestion {
    var node: Int
}
