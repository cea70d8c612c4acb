import CLibEdit
import Foundation
import Synchronization

/// What reading a line gave.
enum LineInput: Equatable {
    case line(String)
    /// Ctrl-C: the half-typed line was cancelled.
    case interrupted
    /// Ctrl-D or the end of input.
    case endOfInput
}

/// Reads lines; the terminal chat does not care whether they come from libedit or a pipe.
protocol LineReader: AnyObject {
    func read(prompt: String) -> LineInput
    /// Answers and commands Tab may complete to.
    func setCompletions(_ completions: [String])
    /// Saves history; called when the chat ends.
    func close()
}

/// Lines from a pipe or file: no editing and no prompt (the chat echoes each line it read).
final class PlainLineReader: LineReader {
    func read(prompt: String) -> LineInput {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line)
    }

    func setCompletions(_ completions: [String]) {}
    func close() {}
}

/// Shared between the editor and libedit's C callbacks, which can capture nothing and find it
/// through EL_CLIENTDATA.
final class LineEditorState: Sendable {
    let completions = Mutex<[String]>([])
}

/// Line editing with libedit: cursor movement, history across runs, Tab completion, Ctrl-C to
/// cancel a line.
final class LibEditLineReader: LineReader {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let state = LineEditorState()
    private let historyFile: URL?
    private var promptBuffer: UnsafeMutablePointer<wchar_t>

    static let historySize: Int32 = 1000

    init(historyFile: URL?) {
        so_setup_locale()
        so_install_interrupt_handler()
        self.historyFile = historyFile
        editLine = so_el_init(CommandLine.arguments.first ?? "second-opinion")
        history = so_history_init(Self.historySize)
        promptBuffer = UnsafeMutablePointer<wchar_t>.allocate(capacity: 1)
        promptBuffer.initialize(to: 0)
        so_el_configure(editLine, { editLine in
            guard let editLine, let client = so_el_client(editLine) else { return nil }
            return Unmanaged<LibEditLineReader>.fromOpaque(client).takeUnretainedValue().promptBuffer
        }, history, Unmanaged.passUnretained(self).toOpaque())
        so_el_add_completion(editLine, { editLine, _ in
            guard let editLine, let client = so_el_client(editLine) else { return so_cc_error() }
            return Unmanaged<LibEditLineReader>.fromOpaque(client).takeUnretainedValue().complete()
        })
        if let historyFile {
            try? FileManager.default.createDirectory(at: historyFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = so_history_load(history, historyFile.path)
        }
    }

    deinit {
        el_end(editLine)
        history_wend(history)
        promptBuffer.deallocate()
    }

    func read(prompt: String) -> LineInput {
        setPrompt(prompt)
        var count: Int32 = 0
        // A stale EINTR from an earlier Ctrl-C must not turn Ctrl-D into a cancelled line.
        so_clear_errno()
        guard let characters = so_el_wgets(editLine, &count) else {
            if so_take_interrupt() != 0 || so_errno() == EINTR {
                // The terminal echoed ^C; start a fresh line.
                FileHandle.standardOutput.write(Data("\n".utf8))
                return .interrupted
            }
            return .endOfInput
        }
        if so_take_interrupt() != 0 {
            FileHandle.standardOutput.write(Data("\n".utf8))
            return .interrupted
        }
        var scalars = String.UnicodeScalarView()
        for index in 0..<Int(count) {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: characters[index])) { scalars.append(scalar) }
        }
        var line = String(scalars)
        if line.hasSuffix("\n") { line.removeLast() }
        if !line.trimmingCharacters(in: .whitespaces).isEmpty {
            line.withWideCString { so_history_enter(history, $0) }
        }
        return .line(line)
    }

    func setCompletions(_ completions: [String]) {
        state.completions.withLock { $0 = completions }
    }

    func close() {
        if let historyFile { _ = so_history_save(history, historyFile.path) }
    }

    private func setPrompt(_ prompt: String) {
        promptBuffer.deallocate()
        let wide = prompt.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
        promptBuffer = UnsafeMutablePointer<wchar_t>.allocate(capacity: wide.count)
        promptBuffer.initialize(from: wide, count: wide.count)
    }

    /// Tab: completes what is typed so far to a choice label or command; a second Tab lists them.
    private func complete() -> UInt8 {
        guard let info = el_wline(editLine)?.pointee else { return so_cc_error() }
        var typed = String.UnicodeScalarView()
        var pointer = info.buffer!
        while pointer < info.cursor {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: pointer.pointee)) { typed.append(scalar) }
            pointer += 1
        }
        let prefix = String(typed)
        switch Completion.complete(prefix, among: state.completions.withLock { $0 }) {
        case .none:
            return so_cc_error()
        case .replace(let text):
            // Counts passed to el_deletestr are characters (wide), not bytes.
            el_deletestr(editLine, Int32(prefix.unicodeScalars.count))
            text.withWideCString { _ = el_winsertstr(editLine, $0) }
            return so_cc_refresh()
        case .list(let candidates):
            FileHandle.standardOutput.write(Data(("\n" + candidates.joined(separator: "\n") + "\n").utf8))
            return so_cc_redisplay()
        }
    }
}

extension String {
    /// Calls `body` with a NUL-terminated wide-character copy of the string.
    func withWideCString<Result>(_ body: (UnsafePointer<wchar_t>) -> Result) -> Result {
        let wide = unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
        return wide.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
