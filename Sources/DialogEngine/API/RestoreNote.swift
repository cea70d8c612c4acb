/// Something ``DialogEngine/restore(_:)`` changed so that a saved session fits the dialogs, as a
/// value: a front end says it in the conversation's language with ``message(pack:)``.
///
/// Texts from the save (a version, a language, a variable or question id) are already made safe
/// to show: no control sequences, and at most 200 characters.
public enum RestoreNote: Sendable, Hashable {
    /// The save was made with dialogs version `saved`; the dialogs are now at `current`.
    case otherVersion(saved: String, current: String)
    /// The saved language `saved` is no longer in the dialogs; the conversation goes on in `instead`.
    case languageUnavailable(saved: String, instead: String)
    /// The answer kept in `variable` was dropped: the dialogs no longer use it (or not with that value).
    case answerDropped(variable: String)
    /// `count` plan items were dropped: the dialogs no longer have them.
    case planItemsDropped(count: Int)
    /// The question `question` (`flow:node`) is gone; the conversation goes on from the start of its topic.
    case questionGone(question: String)
    /// A step back to `question` was dropped: it no longer waits for an answer.
    case stepBackDropped(question: String)

    /// The note in the words of `pack` (its `restore.*` messages).
    public func message(pack: LanguagePack) -> String {
        switch self {
        case let .otherVersion(saved, current): pack.message("restore.otherVersion", ["saved": saved, "current": current])
        case let .languageUnavailable(saved, instead): pack.message("restore.languageUnavailable", ["saved": saved, "instead": instead])
        case let .answerDropped(variable): pack.message("restore.answerDropped", ["variable": variable])
        case let .planItemsDropped(count): pack.message("restore.planItemsDropped", ["count": String(count)])
        case let .questionGone(question): pack.message("restore.questionGone", ["question": question])
        case let .stepBackDropped(question): pack.message("restore.stepBackDropped", ["question": question])
        }
    }
}
