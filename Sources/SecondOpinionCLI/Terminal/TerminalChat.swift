import ArgumentParser
import DialogEngine
import Foundation

/// The conversation in a terminal: reads lines (edited with libedit on a TTY), shows turns, and
/// handles the commands that touch files (`/save`, `/load`, `/plan save`, `/summary save`,
/// `/transcript save`, `/reload`) and `/sources`. Everything else goes to the engine.
final class TerminalChat {
    private var engine: DialogEngine
    private var session: DialogSession
    private let reader: any LineReader
    private var renderer: TurnRenderer
    private let bundleOptions: BundleOptions
    private let interactive: Bool
    /// The sources of the last answer that named any, for `/sources`.
    private var lastSources: [SourceReference] = []

    init(engine: DialogEngine, language: String, reader: any LineReader, style: Style, width: Int, bundleOptions: BundleOptions, interactive: Bool) {
        self.engine = engine
        self.reader = reader
        self.bundleOptions = bundleOptions
        self.interactive = interactive
        let (session, _) = engine.start(language: language, at: Date())
        self.session = session
        renderer = TurnRenderer(width: width, style: style, pack: engine.bundle.languagePack(for: session.language))
    }

    /// The words of the conversation's language, the terminal's own messages among them.
    private var pack: LanguagePack { engine.bundle.languagePack(for: session.language) }

    func run() {
        let (fresh, greeting) = engine.start(language: session.language, at: Date())
        session = fresh
        show(greeting)
        say(renderer.style.dim(pack.message("terminal.hint")))
        defer { reader.close() }
        while true {
            reader.setCompletions(completions())
            switch reader.read(prompt: "> ") {
            case .interrupted:
                continue
            case .endOfInput:
                if interactive { say("") }
                offerToSavePlan()
                return
            case .line(let line):
                // Without a terminal nothing echoes what was read; show it so the output reads as a conversation.
                // Cut in scalars: one grapheme can hold millions of combining marks.
                if !interactive { say("> " + TerminalText.sanitized(String(line.unicodeScalars.prefix(DialogEngine.maximumInputLength)))) }
                if line.unicodeScalars.count > DialogEngine.maximumInputLength {
                    say(renderer.style.warning(pack.message("terminal.longMessage")))
                }
                if handleFileCommand(line) { continue }
                var turn = engine.reply(line, in: &session)
                if turn.outcome == .command, isHelp(line) {
                    turn.messages.append(pack.message("terminal.help"))
                }
                renderer.pack = pack
                show(turn)
                if turn.outcome == .quit {
                    offerToSavePlan()
                    return
                }
            }
        }
    }

    /// Whether `line` asked for help (the engine's help then gets the terminal's commands added).
    private func isHelp(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces).lowercased()
        return engine.bundle.command(named: trimmed.hasPrefix("/") ? String(trimmed.dropFirst()) : trimmed, language: session.language) == "help"
    }

    /// Whether `word` (after the `/`) names the terminal command `name` in the conversation's words.
    private func names(_ word: String?, _ name: String) -> Bool {
        guard let word, word.hasPrefix("/") else { return false }
        return engine.bundle.command(named: String(word.dropFirst()), language: session.language) == name
    }

    private func show(_ turn: Turn) {
        if !turn.sources.isEmpty && turn.outcome != .notUnderstood { lastSources = turn.sources }
        say(renderer.render(turn))
        if turn.handoff != nil, turn.handoff?.reason != .emergency {
            say("")
            say(renderer.style.dim(pack.message("terminal.summaryHint")))
        }
        say("")
    }

    private func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Labels of the current question and every command, for Tab, in the conversation's words.
    private func completions() -> [String] {
        let turn = engine.current(&session)
        let pack = self.pack
        let first = { (name: String) in pack.commandWords(name).first.map { "/\($0)" } }
        var commands = ["help", "back", "restart", "topics"].compactMap(first)
        commands += engine.bundle.languages.map { "/\(pack.commandWords("language").first ?? "lang") \($0)" }
        commands += ["/plan", "/plan save ", "/summary", "/summary save ", "/transcript save ", "/save ", "/load ", "/reload"]
        commands += ["human", "sources", "quit"].compactMap(first)
        return turn.choices.map(\.label) + commands
    }

    // MARK: Commands that touch files

    /// The terminal command `word` names: `plan`, `transcript` and `reload` as written, `save`,
    /// `load`, `sources` and `summary` in the words of the conversation's language pack.
    private func terminalCommand(_ word: String) -> String? {
        guard word.hasPrefix("/") else { return nil }
        let name = String(word.dropFirst())
        if ["plan", "transcript", "reload"].contains(name) { return name }
        let command = engine.bundle.command(named: name, language: session.language)
        return ["save", "load", "sources", "summary"].contains(command) ? command : nil
    }

    private func handleFileCommand(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("/") else { return false }
        let words = trimmed.split(separator: " ", maxSplits: 2).map(String.init)
        let saves = words.count == 3 && engine.bundle.command(named: words[1].lowercased(), language: session.language) == "save"
        switch (words.first.flatMap { terminalCommand($0.lowercased()) }, words.count) {
        case ("plan", 1):
            say(renderer.renderPlan(engine.plan(of: session)))
            say("")
        case ("plan", 3) where saves:
            write(PlanDocument.markdown(engine.plan(of: session), pack: pack), to: words[2])
        case ("summary", 1):
            say(summary().markdown(pack: pack))
        case ("summary", 3) where saves:
            let summary = summary()
            if words[2].lowercased().hasSuffix(".json") {
                do {
                    write(String(decoding: try summary.jsonData(), as: UTF8.self) + "\n", to: words[2])
                } catch {
                    say(renderer.style.warning(pack.message("terminal.couldNotSave", ["error": TerminalText.inline("\(error)")])))
                }
            } else {
                write(summary.markdown(pack: pack), to: words[2])
            }
        case ("transcript", 3) where saves:
            write(PlanDocument.transcript(session.transcript, pack: pack), to: words[2])
        case ("save", 2):
            do {
                let data = try SavedSession(session, engine: engine).encoded()
                try SafeFile.write(data, to: words[1])
                let shown = TerminalText.inline(words[1])
                say(renderer.style.success(pack.message("terminal.conversationSaved", ["file": shown])))
            } catch let failure as SafeFile.Failure {
                sayCannotWrite(words[1], failure)
            } catch {
                say(renderer.style.warning(pack.message("terminal.couldNotSave", ["error": TerminalText.inline("\(error)")])))
            }
        case ("load", 2):
            load(from: words[1])
        case ("reload", 1):
            reload()
        case ("sources", 1):
            say(renderer.renderSources(lastSources))
            say("")
        case ("plan", _), ("summary", _), ("transcript", _), ("save", _), ("load", _):
            say(renderer.style.warning(pack.message("terminal.fileCommandUsage")))
        default:
            return false
        }
        return true
    }

    /// The handoff summary of the conversation so far: for the latest handoff's reason, or as
    /// asked for by the person. Typed text stays out; the person can save the transcript for that.
    private func summary() -> HandoffSummary {
        engine.handoffSummary(for: session, reason: session.lastHandoff?.reason ?? .requested, options: .init(now: Date()))
    }

    private func write(_ text: String, to path: String) {
        do throws(SafeFile.Failure) {
            try SafeFile.write(Data(text.utf8), to: path)
            let shown = TerminalText.inline(path)
            say(renderer.style.success(pack.message("terminal.saved", ["file": shown])))
        } catch {
            sayCannotWrite(path, error)
        }
    }

    private func sayCannotWrite(_ path: String, _ failure: SafeFile.Failure) {
        say(renderer.style.warning(TerminalText.inline(pack.message("terminal.cannotWrite", ["file": path, "reason": failure.reason(in: pack)]))))
    }

    private func load(from path: String) {
        let data: Data
        do throws(SafeFile.Failure) {
            data = try SafeFile.read(path, limit: SavedSession.maximumSize)
        } catch {
            say(renderer.style.warning(TerminalText.inline(pack.message("terminal.cannotRead", ["file": path, "reason": error.reason(in: pack)]))))
            return
        }
        do {
            let (restored, notes) = try engine.restore(data)
            session = restored
            renderer.pack = pack
            for note in notes { say(renderer.style.dim(TerminalText.inline(note.message(pack: pack)))) }
            show(engine.current(&session))
        } catch {
            say(renderer.style.warning(pack.message("terminal.couldNotLoad", ["error": TerminalText.inline(error.message(pack: pack))])))
        }
    }

    private func reload() {
        guard bundleOptions.dialogs != nil else {
            say(renderer.style.warning(pack.message("terminal.reloadNeedsDialogs")))
            return
        }
        let (files, prefix, problems) = (try? bundleOptions.files()) ?? ([:], "", [])
        do {
            guard problems.isEmpty else { throw BundleLoadError(diagnostics: problems, files: files) }
            let bundle = try DialogBundle.load(files: files)
            let saved = try SavedSession(session, engine: engine).encoded()
            engine = DialogEngine(bundle: bundle)
            let (restored, notes) = try engine.restore(saved)
            session = restored
            say(renderer.style.success(pack.message("terminal.reloaded")))
            for note in notes { say(renderer.style.dim(TerminalText.inline(note.message(pack: pack)))) }
            show(engine.current(&session))
        } catch let error as BundleLoadError {
            say(DiagnosticRenderer(pathPrefix: prefix, sources: files).render(error.diagnostics))
            say(renderer.style.warning(pack.message("terminal.reloadFailed")))
        } catch let error as SessionRestoreError {
            say(renderer.style.warning(TerminalText.inline(error.message(pack: pack))))
        } catch {
            say(renderer.style.warning(TerminalText.inline("\(error)")))
        }
    }

    /// On leaving, a person with a plan is offered to keep it.
    private func offerToSavePlan() {
        let plan = engine.plan(of: session)
        guard interactive, !plan.isEmpty else { return }
        let question = pack.message("terminal.offerToSavePlan")
        guard case .line(let name) = reader.read(prompt: question) else { return }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        write(PlanDocument.markdown(plan, pack: pack), to: trimmed)
    }
}
