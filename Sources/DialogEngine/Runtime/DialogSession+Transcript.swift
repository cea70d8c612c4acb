/// Keeping the transcript within the engine's limit.
extension DialogSession {
    /// Adds `entry` to the transcript and drops the oldest lines beyond `limit`.
    mutating func record(_ entry: TranscriptEntry, limit: Int) {
        transcript.append(entry)
        trimTranscript(limit: limit, language: language)
    }

    /// Keeps at most `limit` entries: the newest `limit - 1` lines after one marker that counts
    /// every line dropped so far.
    mutating func trimTranscript(limit: Int, language: String) {
        let limit = max(2, limit)
        guard transcript.count > limit else { return }
        var omitted = 0
        var kept = transcript[...]
        if let first = kept.first, first.speaker == .omitted {
            omitted = max(0, first.omittedCount ?? 0)
            kept = kept.dropFirst()
        }
        let excess = kept.count - (limit - 1)
        omitted = omitted.addingSaturating(excess)
        let marker = TranscriptEntry(speaker: .omitted, text: EngineStrings(language: language).omittedLines(omitted), omittedCount: omitted)
        transcript = [marker] + kept.dropFirst(excess)
    }
}
