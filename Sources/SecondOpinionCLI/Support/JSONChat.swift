import DialogEngine
import Foundation

/// The machine-readable conversation: one JSON object per turn on standard output, one answer per
/// line on standard input. The first object is the greeting, written before any input is read.
/// Each object is the turn's wire form (`Turn+Wire.swift`), the same object the HTTP API returns.
struct JSONChat {
    let engine: DialogEngine
    let language: String

    func run() {
        var (session, turn) = engine.start(language: language)
        emit(turn)
        while let line = readLine(strippingNewline: true) {
            turn = engine.reply(line, in: &session)
            emit(turn)
            if turn.outcome == .quit { return }
        }
    }

    private func emit(_ turn: Turn) {
        guard var data = try? turn.wireJSON() else { return }
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }
}
