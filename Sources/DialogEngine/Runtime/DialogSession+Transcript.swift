/// Keeping the transcript within the engine's limit.
extension DialogSession {
    /// Adds `entry` to the transcript and drops the oldest lines beyond `limit`.
    mutating func record(_ entry: TranscriptEntry, limit: Int, strings: EngineStrings) {
        transcript.append(entry)
        trimTranscript(limit: limit, strings: strings)
    }

    /// Keeps at most `limit` entries: the newest `limit - 1` lines after one marker that counts
    /// every line dropped so far.
    mutating func trimTranscript(limit: Int, strings: EngineStrings) {
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
        let marker = TranscriptEntry(speaker: .omitted, text: strings.omittedLines(omitted), omittedCount: omitted)
        transcript = [marker] + kept.dropFirst(excess)
    }
}
