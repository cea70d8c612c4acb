@testable import DialogEngine
import HashTreeCollections
import Testing

/// Undo steps keep the variables of their time. The steps share what did not change between
/// them, and going back must still restore each one exactly, however many variables there are.
@Suite struct UndoVariablesTests {
    @Test func goingBackRestoresTheVariablesOfEachStep() {
        var session = DialogSession(language: "en")
        var expected: [[String: DialogValue]] = []
        for step in 0..<80 {
            session.rememberForBack()
            expected.append(session.variables)
            // Up to 40 variables, more than one node of the tree holds; some set again, some removed.
            session.variableValues["v\(step % 40)"] = .number(Double(step))
            if step % 7 == 0 { session.variableValues["v\((step + 3) % 40)"] = nil }
        }
        // Step 77 removed v0 (set again only at step 80, which never came).
        #expect(session.variables.count == 39)
        #expect(session.variables["v0"] == nil)
        #expect(session.variables["v39"] == .number(79))
        for step in (0..<80).reversed() {
            let checkpoint = session.history.removeLast()
            session.restore(checkpoint)
            #expect(session.variables == expected[step], "step \(step)")
        }
        #expect(session.variables.isEmpty)
    }
}
