import Foundation

/// Restoring a save: any bytes either fail with an error or give a session that can go on
/// after a reply, all the way back, and after another reply.
enum FuzzRestore {
    static func run(_ data: Data) {
        let engine = FuzzBundle.engine
        guard var (session, _) = try? engine.restore(data) else { return }
        requireCanGoOn(engine.current(&session), "restore")
        requireCanGoOn(engine.reply("xyzzy plugh", in: &session), "a reply not understood")
        requireCanGoOn(engine.reply("1", in: &session), "the answer 1")
        var steps = 0
        while session.undoDepth > 0 && steps < 200 {
            requireCanGoOn(engine.back(&session), "back")
            steps += 1
        }
        requireCanGoOn(engine.reply("2", in: &session), "the answer 2")
        _ = try? SavedSession(session, engine: engine).encoded()
    }
}
