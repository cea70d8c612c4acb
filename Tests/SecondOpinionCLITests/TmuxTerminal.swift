import Foundation

/// Drives the real binary in a real pseudo-terminal through tmux: keys in with send-keys, the
/// screen out with capture-pane. Each instance has its own tmux server.
final class TmuxTerminal {
    static let isAvailable: Bool = FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")

    let socket = "so-test-\(UUID().uuidString)"
    let stateDirectory: URL
    /// A state folder passed in outlives this terminal (the next run reads its history).
    private let ownsState: Bool

    init(stateDirectory: URL? = nil) throws {
        ownsState = stateDirectory == nil
        self.stateDirectory = stateDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: self.stateDirectory, withIntermediateDirectories: true)
    }

    /// Starts `second-opinion ARGUMENTS` in an 100x40 terminal; LANG is unset on purpose, so
    /// UTF-8 must work without a UTF-8 locale in the environment.
    func start(_ arguments: [String]) throws {
        let command = (["env", "-u", "LANG", "-u", "LC_ALL", "XDG_STATE_HOME=\(stateDirectory.path)", "TERM=xterm-256color",
                        CommandRunner.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        // The tmux server started here keeps inherited descriptors open: read nothing from it.
        try tmux(["-u", "new-session", "-d", "-x", "100", "-y", "40", "\(command); echo EXITED $?; sleep 60"], readOutput: false)
    }

    /// Starts the chat in `language` and waits for its first prompt.
    func startChat(language: String) throws {
        try start(["--lang", language])
        try waitFor(language == "nl" ? "Typ /help voor hulp" : "Type /help for help")
    }

    /// Types `text` and presses Enter.
    func enter(_ text: String) throws {
        try type(text)
        try send("Enter")
    }

    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "0"] + keys)
    }

    /// Types text literally (no key names).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "0", "-l", text])
    }

    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "0"])
    }

    /// Waits until the screen contains `text`; returns the screen. Fails after a generous limit
    /// (a slow machine is not a failure; a missing text is).
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            usleep(100_000)
        }
        throw TerminalError(message: "the screen never showed '\(text)'. It shows:\n\(last)")
    }

    /// Waits until the last line on screen is a fresh, empty prompt.
    func waitForEmptyPrompt(timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            let lines = last.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if lines.last == ">" { return }
            usleep(100_000)
        }
        throw TerminalError(message: "no fresh prompt appeared. The screen shows:\n\(last)")
    }

    /// The line the cursor is on, trimmed.
    func promptLine() throws -> String {
        let lines = try screen().split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
        return lines.last(where: { $0.hasPrefix(">") }) ?? ""
    }

    func stop() {
        _ = try? tmux(["kill-server"])
        if ownsState { try? FileManager.default.removeItem(at: stateDirectory) }
    }

    @discardableResult
    private func tmux(_ arguments: [String], readOutput: Bool = true) throws -> String {
        // posix_spawn and waitpid rather than Process: the tmux server that new-session starts
        // keeps inherited descriptors, and Process's pipes and exit monitoring then never finish.
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let argv = ["/usr/bin/tmux", "-L", socket] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, readOutput ? outputFile.path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        // Test runner threads block most signals; a terminal session must start with none blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, &cArguments, environ)
        guard spawned == 0 else { throw TerminalError(message: "cannot start tmux (error \(spawned))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return readOutput ? ((try? String(contentsOf: outputFile, encoding: .utf8)) ?? "") : ""
    }
}

struct TerminalError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
