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
        renderer = TurnRenderer(width: width, style: style, language: session.language)
    }

    private var dutch: Bool { session.language == "nl" }

    func run() {
        let (fresh, greeting) = engine.start(language: session.language, at: Date())
        session = fresh
        show(greeting)
        say(renderer.style.dim(dutch ? "Typ /help voor hulp · type /lang en for English" : "Type /help for help · typ /lang nl voor Nederlands"))
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
                    say(renderer.style.warning(dutch ? "Je bericht was erg lang; alleen het begin is gelezen." : "Your message was very long; only the start was read."))
                }
                if handleFileCommand(line) { continue }
                var turn = engine.reply(line, in: &session)
                if turn.outcome == .command, Self.helpWords.contains(line.trimmingCharacters(in: .whitespaces).lowercased()) {
                    turn.messages.append(terminalHelp)
                }
                renderer.language = session.language
                show(turn)
                if turn.outcome == .quit {
                    offerToSavePlan()
                    return
                }
            }
        }
    }

    static let helpWords: Set<String> = ["help", "/help", "hulp", "/hulp", "?", "/?"]

    /// The commands only the terminal has, added to the engine's help.
    private var terminalHelp: String {
        dutch ? """
            In de terminal ook:
              /plan save BESTAND        je plan bewaren (Markdown)
              /summary save BESTAND     een samenvatting voor wie je verder helpt (Markdown; .json: JSON)
              /transcript save BESTAND  het gesprek bewaren
              /save BESTAND             het gesprek opslaan om later verder te gaan
              /load BESTAND             een opgeslagen gesprek openen
              /reload                   dialogen opnieuw laden (met --dialogs)
              /bronnen                  de bronnen van het laatste antwoord, met titel en link
            Tab vult aan, pijltje omhoog haalt eerdere invoer terug, Ctrl-C wist de regel, Ctrl-D stopt.
            """
            : """
            In the terminal also:
              /plan save FILE           keep your plan (Markdown)
              /summary save FILE        a summary for whoever helps you next (Markdown; .json: JSON)
              /transcript save FILE     keep the conversation
              /save FILE                save the conversation to continue later
              /load FILE                open a saved conversation
              /reload                   reload the dialogs (with --dialogs)
              /sources                  the last answer's sources, with title and link
            Tab completes, arrow up recalls earlier input, Ctrl-C clears the line, Ctrl-D ends.
            """
    }

    private func show(_ turn: Turn) {
        if !turn.sources.isEmpty && turn.outcome != .notUnderstood { lastSources = turn.sources }
        say(renderer.render(turn))
        if turn.handoff != nil, turn.handoff?.reason != .emergency {
            say("")
            say(renderer.style.dim(dutch ? "Typ /summary save BESTAND om een samenvatting van dit gesprek mee te nemen."
                                         : "Type /summary save FILE to take a summary of this conversation with you."))
        }
        say("")
    }

    private func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Labels of the current question and every command, for Tab.
    private func completions() -> [String] {
        let turn = engine.current(&session)
        let commands = ["/help", "/hulp", "/back", "/terug", "/restart", "/opnieuw", "/topics", "/onderwerpen", "/lang nl", "/lang en",
                        "/plan", "/plan save ", "/summary", "/summary save ", "/mens", "/human", "/transcript save ", "/save ", "/load ", "/reload", "/sources", "/bronnen", "/quit", "/stop"]
        return turn.choices.map(\.label) + commands
    }

    // MARK: Commands that touch files

    private func handleFileCommand(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("/") else { return false }
        let words = trimmed.split(separator: " ", maxSplits: 2).map(String.init)
        switch (words.first?.lowercased(), words.count) {
        case ("/plan", 1):
            say(renderer.renderPlan(engine.plan(of: session)))
            say("")
        case ("/plan", 3) where words[1].lowercased() == "save" || words[1].lowercased() == "opslaan":
            write(PlanDocument.markdown(engine.plan(of: session), dutch: dutch), to: words[2])
        case ("/summary", 1), ("/samenvatting", 1):
            say(summary().markdown())
        case ("/summary", 3) where words[1].lowercased() == "save" || words[1].lowercased() == "opslaan",
             ("/samenvatting", 3) where words[1].lowercased() == "save" || words[1].lowercased() == "opslaan":
            let summary = summary()
            if words[2].lowercased().hasSuffix(".json") {
                do {
                    write(String(decoding: try summary.jsonData(), as: UTF8.self) + "\n", to: words[2])
                } catch {
                    say(renderer.style.warning((dutch ? "Kon niet opslaan: " : "Could not save: ") + TerminalText.inline("\(error)")))
                }
            } else {
                write(summary.markdown(), to: words[2])
            }
        case ("/transcript", 3) where words[1].lowercased() == "save" || words[1].lowercased() == "opslaan":
            write(PlanDocument.transcript(session.transcript, dutch: dutch), to: words[2])
        case ("/save", 2), ("/opslaan", 2):
            do {
                let data = try SavedSession(session, engine: engine).encoded()
                try SafeFile.write(data, to: words[1])
                let shown = TerminalText.inline(words[1])
                say(renderer.style.success(dutch ? "Gesprek opgeslagen in \(shown)." : "Conversation saved to \(shown)."))
            } catch let failure as SafeFile.Failure {
                sayCannotWrite(words[1], failure)
            } catch {
                say(renderer.style.warning((dutch ? "Kon niet opslaan: " : "Could not save: ") + TerminalText.inline("\(error)")))
            }
        case ("/load", 2), ("/laden", 2):
            load(from: words[1])
        case ("/reload", 1):
            reload()
        case ("/sources", 1), ("/bronnen", 1):
            say(renderer.renderSources(lastSources))
            say("")
        case ("/plan", _), ("/summary", _), ("/samenvatting", _), ("/transcript", _), ("/save", _), ("/load", _):
            say(renderer.style.warning(dutch ? "Gebruik: /plan save BESTAND, /summary save BESTAND, /transcript save BESTAND, /save BESTAND of /load BESTAND."
                                             : "Usage: /plan save FILE, /summary save FILE, /transcript save FILE, /save FILE or /load FILE."))
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
            say(renderer.style.success(dutch ? "Opgeslagen in \(shown)." : "Saved to \(shown)."))
        } catch {
            sayCannotWrite(path, error)
        }
    }

    private func sayCannotWrite(_ path: String, _ failure: SafeFile.Failure) {
        let reason = failure.reason(dutch: dutch)
        say(renderer.style.warning(TerminalText.inline(dutch ? "Kan \(path) niet schrijven: \(reason)." : "Cannot write \(path): \(reason).")))
    }

    private func load(from path: String) {
        let data: Data
        do throws(SafeFile.Failure) {
            data = try SafeFile.read(path, limit: SavedSession.maximumSize)
        } catch {
            let reason = error.reason(dutch: dutch)
            say(renderer.style.warning(TerminalText.inline(dutch ? "Kan \(path) niet lezen: \(reason)." : "Cannot read \(path): \(reason).")))
            return
        }
        do {
            let (restored, notes) = try engine.restore(data)
            session = restored
            renderer.language = session.language
            for note in notes { say(renderer.style.dim(TerminalText.inline(note))) }
            show(engine.current(&session))
        } catch {
            say(renderer.style.warning((dutch ? "Kon het gesprek niet laden: " : "Could not load the conversation: ") + TerminalText.inline(error.description)))
        }
    }

    private func reload() {
        guard bundleOptions.dialogs != nil else {
            say(renderer.style.warning(dutch ? "/reload werkt met --dialogs MAP." : "/reload works with --dialogs DIR."))
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
            say(renderer.style.success(dutch ? "Dialogen opnieuw geladen." : "Dialogs reloaded."))
            for note in notes { say(renderer.style.dim(TerminalText.inline(note))) }
            show(engine.current(&session))
        } catch let error as BundleLoadError {
            say(DiagnosticRenderer(pathPrefix: prefix, sources: files).render(error.diagnostics))
            say(renderer.style.warning(dutch ? "De dialogen hebben fouten; het gesprek gaat verder met de vorige versie."
                                             : "The dialogs have errors; the conversation goes on with the previous version."))
        } catch {
            say(renderer.style.warning(TerminalText.inline("\(error)")))
        }
    }

    /// On leaving, a person with a plan is offered to keep it.
    private func offerToSavePlan() {
        let plan = engine.plan(of: session)
        guard interactive, !plan.isEmpty else { return }
        let question = dutch ? "Wil je je plan bewaren? Typ een bestandsnaam (of Enter om over te slaan): "
                             : "Do you want to keep your plan? Type a file name (or Enter to skip): "
        guard case .line(let name) = reader.read(prompt: question) else { return }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        write(PlanDocument.markdown(plan, dutch: dutch), to: trimmed)
    }
}
