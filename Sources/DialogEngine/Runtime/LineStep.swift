/// The steps that understand a typed line, declared in the order `DialogEngine.handle` runs
/// them. Each handles the line and returns the turn's outcome, or passes it to the next step;
/// the first that handles it ends the turn.
enum LineStep: CaseIterable {
    /// Nothing typed: say so.
    case nothingTyped
    /// Safety keywords (an emergency, a crisis): answer at once, from anywhere.
    case safetyKeyword
    /// Commands (help, back, topics, a language, human...).
    case command
    /// The answer to an offer the engine made last turn: pick a topic, switch topic, switch
    /// language, a short yes or no to "Do you mean 1. …?".
    case offer
    /// An exact answer to the question: its number, a label or synonym typed whole, a clear yes
    /// or no, a bare number.
    case exactAnswer
    /// Decides nothing: a message of three words or more is remembered, so a question marked
    /// `fill` can later be answered from it.
    case mention
    /// Asking in words for another of the bundle's languages: switch to it.
    case languageRequest
    /// The classifier's safety net: a message that sounds like an emergency or a crisis.
    case safetyNet
    /// A strong answer in the person's own words.
    case strongAnswer
    /// Confusion ("ik snap het niet") at a question or the menu: explain it.
    case confusion
    /// A message in another of the bundle's languages, at a question or the menu: offer to
    /// switch.
    case otherLanguage
    /// At the menu or where nothing is asked: go to the topic the line is about, ask which of
    /// the likely ones, hand off, or help.
    case topicRoute
    /// Asking for a person in own words at a question: hand off (the question stays open).
    case handoffRequest
    /// A question about another topic, at a question: offer to switch.
    case topicSwitch
    /// A question of the person's own that fits no topic clearly: ask with the likely topics
    /// other than this one.
    case otherTopics
    /// A weak answer: ask which choice was meant; never take it silently.
    case weakAnswer
    /// Nothing fits: help, escalating with each miss (and after the bundle's `afterFailures`
    /// failed turns in a row, a handoff instead: see `countFailures`).
    case notUnderstood
}
