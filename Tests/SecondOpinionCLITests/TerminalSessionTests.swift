import Foundation
import Testing

/// The chat in a real terminal (tmux): UTF-8 typing, Tab, history across runs, Ctrl-C, Ctrl-D,
/// commands. `.ci/run` installs tmux.
@Suite(.serialized, .enabled(if: TmuxTerminal.isAvailable, "needs tmux (.ci/run installs it)"))
struct TerminalSessionTests {
    @Test func utf8TypingAndCtrlCCancelsOnlyTheLine() throws {
        let terminal = try TmuxTerminal()
        defer { terminal.stop() }
        try terminal.startChat(language: "nl")
        try terminal.type("wie betaalt één €385")
        try terminal.waitFor("> wie betaalt één €385")
        try terminal.send("C-c")
        try terminal.waitForEmptyPrompt()
        try terminal.type("geïnformeerd")
        try terminal.send("BSpace", "BSpace")
        try terminal.waitFor("> geïnformee\n")
        try terminal.send("C-u")
        try terminal.enter("4")
        let screen = try terminal.waitFor("Wat wil je weten over de kosten?")
        #expect(!screen.contains("Dat begreep ik niet"), "the cancelled line must not be answered")
        #expect(!screen.contains("EXITED"), "Ctrl-C must not end the program")
    }

    @Test func tabCompletesChoicesAndCommands() throws {
        let terminal = try TmuxTerminal()
        defer { terminal.stop() }
        try terminal.startChat(language: "nl")
        try terminal.type("Kos")
        try terminal.send("Tab")
        try terminal.waitFor("> Kosten en vergoeding")
        try terminal.send("Enter")
        try terminal.waitFor("Wat wil je weten over de kosten?")
        try terminal.type("/te")
        try terminal.send("Tab")
        try terminal.waitFor("> /terug")
        try terminal.send("Enter")
        try terminal.waitFor("We gaan een stap terug.")
        try terminal.enter("/lang en")
        try terminal.waitFor("We'll continue in English.")
        try terminal.waitFor("What is your question about?")
    }

    @Test func historySurvivesARestartAndCtrlDEndsCleanly() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString)")
        let first = try TmuxTerminal(stateDirectory: state)
        try first.start(["--lang", "en"])
        try first.waitFor("Type /help for help")
        try first.enter("who pays for that?")
        try first.waitFor("How are you insured?")
        try first.send("C-d")
        try first.waitFor("EXITED 0")
        let history = try String(contentsOf: state.appendingPathComponent("second-opinion/history"), encoding: .utf8)
        #expect(history.contains("who\\040pays\\040for\\040that?"))
        first.stop()

        let second = try TmuxTerminal(stateDirectory: state)
        defer {
            second.stop()
            try? FileManager.default.removeItem(at: state)
        }
        try second.start(["--lang", "en"])
        try second.waitFor("Type /help for help")
        try second.send("Up")
        try second.waitFor("> who pays for that?")
        try second.send("Enter")
        try second.waitFor("How are you insured?")
    }

    @Test func quitOffersToSaveThePlan() throws {
        let terminal = try TmuxTerminal()
        defer { terminal.stop() }
        let planFile = terminal.stateDirectory.appendingPathComponent("plan.md")
        try terminal.start(["--lang", "en"])
        try terminal.waitFor("Type /help for help")
        try terminal.enter("7")
        try terminal.waitFor("Is there anything else you would like to know?")
        try terminal.enter("/quit")
        try terminal.waitFor("Do you want to keep your plan?")
        try terminal.enter(planFile.path)
        try terminal.waitFor("EXITED 0")
        let plan = try String(contentsOf: planFile, encoding: .utf8)
        #expect(plan.hasPrefix("# My plan: second opinion\n\n- [ ] Write down your questions for the second doctor in advance and bring your medical file.\n"))
    }

    @Test func askingForAPersonShowsWhereAndSavesTheSummary() throws {
        let terminal = try TmuxTerminal()
        defer { terminal.stop() }
        let summaryFile = terminal.stateDirectory.appendingPathComponent("samenvatting.md")
        try terminal.startChat(language: "nl")
        try terminal.enter("4")
        try terminal.waitFor("Wat wil je weten over de kosten?")
        try terminal.enter("/mens")
        try terminal.waitFor("Zorgteam:")
        try terminal.waitFor("Typ /summary save BESTAND om een samenvatting van dit gesprek mee te nemen.")
        try terminal.enter("/summary save \(summaryFile.path)")
        try terminal.waitFor("Opgeslagen in")
        let summary = try String(contentsOf: summaryFile, encoding: .utf8)
        #expect(summary.hasPrefix("# Samenvatting voor de overdracht\n\n- **Reden:** de persoon vroeg om een mens\n- **Taal:** nl\n"))
        #expect(summary.contains("\n## Onderwerpen\n\n1. Kosten en vergoeding (`costs`)\n"))
        #expect(summary.contains("\n## Open vraag\n\nWat wil je weten over de kosten?\n"))
    }
}
