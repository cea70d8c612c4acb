import Foundation

/// Replying at several kinds of node. The first byte picks where the conversation is (the menu,
/// a choice, a yes/no, a number, a one-of and a text input, the survey called from another flow,
/// or after the end); every following line is one reply.
enum FuzzReply {
    static let starts: [[String]] = [
        [], ["1"], ["1", "front"], ["opening hours"], ["paint colour"], ["paint colour", "red"],
        ["1", "front", "no"], ["1", "front", "no", "yes"], ["/quit"],
    ]

    static func run(_ data: Data) {
        guard let first = data.first else { return }
        let engine = FuzzBundle.engine
        var (session, _) = engine.start(language: first & 0x80 == 0 ? "en" : "nl")
        for line in starts[Int(first & 0x7F) % starts.count] { _ = engine.reply(line, in: &session) }
        let replies = String(decoding: data.dropFirst(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for reply in replies.prefix(12) {
            let turn = engine.reply(String(reply), in: &session)
            if turn.outcome != .quit { requireCanGoOn(turn, "a reply") }
        }
        _ = try? SavedSession(session, engine: engine).encoded()
    }
}
