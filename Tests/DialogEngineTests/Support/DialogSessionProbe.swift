@testable import DialogEngine

enum DialogSessionProbe {
    static func withoutTranscript(_ session: DialogSession) -> DialogSession {
        var copy = session
        copy.transcript = []
        return copy
    }
}
