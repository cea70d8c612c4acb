/// Keeping the transcript within the engine's limit.
extension DialogSession {
    /// Adds `entry` to the transcript and drops the oldest lines beyond `limit`. `strings` is
    /// read only when lines are dropped.
    mutating func record(_ entry: TranscriptEntry, limit: Int, strings: @autoclosure () -> EngineStrings) {
        transcript.append(entry)
        trimTranscript(limit: limit, strings: strings())
    }

    /// Keeps at most `limit` entries: the newest `limit - 1` lines after one marker that counts
    /// every line dropped so far.
    mutating func trimTranscript(limit: Int, strings: @autoclosure () -> EngineStrings) {
        let limit = max(2, limit)
        guard transcript.count > limit else { return }
        // In place: only the dropped lines are released; the kept ones are moved, not copied,
        // so a long conversation pays for the lines it drops, not for the whole transcript.
        let markerCount = transcript[0].speaker == .omitted ? 1 : 0
        var omitted = markerCount == 1 ? max(0, transcript[0].omittedCount ?? 0) : 0
        let excess = transcript.count - markerCount - (limit - 1)
        omitted = omitted.addingSaturating(excess)
        let marker = TranscriptEntry(speaker: .omitted, text: strings().omittedLines(omitted), omittedCount: omitted)
        transcript.replaceSubrange(0..<(markerCount + excess), with: CollectionOfOne(marker))
    }
}
