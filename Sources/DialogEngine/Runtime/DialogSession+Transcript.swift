import DequeModule

/// Keeping the transcript within the engine's limit.
extension DialogSession {
    /// Keeps at most `limit` entries: the newest `limit - 1` lines after one marker that counts
    /// every line dropped so far. A turn that is recorded calls it once, after adding its lines
    /// (the person's, if they wrote one, and its own), so the marker's text is written once a
    /// turn; restoring a session calls it too. `strings` is read only when lines are dropped.
    mutating func trimTranscript(limit: Int, strings: @autoclosure () -> EngineStrings) {
        let limit = max(2, limit)
        guard lines.count > limit else { return }
        // Only the dropped lines are touched: the deque moves its start, not the kept lines.
        let markerCount = lines[0].speaker == .omitted ? 1 : 0
        var omitted = markerCount == 1 ? max(0, lines[0].omittedCount ?? 0) : 0
        let excess = lines.count - markerCount - (limit - 1)
        omitted = omitted.addingSaturating(excess)
        let marker = TranscriptEntry(speaker: .omitted, text: strings().omittedLines(omitted), omittedCount: omitted)
        lines.removeFirst(markerCount + excess)
        lines.prepend(marker)
    }
}
