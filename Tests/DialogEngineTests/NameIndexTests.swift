@testable import DialogEngine
import Testing

/// Node names to numbers: what every turn looks up, with a hash of its own.
@Suite struct NameIndexTests {
    @Test func namesAreFoundAndOthersAreNot() {
        var index = NameIndex()
        for number in 0..<500 { index["flow\(number % 7):node\(number)"] = number }
        #expect(index["flow3:node3"] == 3)
        #expect(index["flow2:node499"] == 499)
        #expect(index["flow5:node499"] == nil)
        #expect(index["flow3:node4"] == nil)
        #expect(index[""] == nil)
        index["flow3:node3"] = 42
        #expect(index["flow3:node3"] == 42)
        #expect(index.keys.count == 500)
    }

    /// Two names with the same hash are still told apart.
    @Test func namesSharingAHashAreToldApart() {
        var index = NameIndex { $0.hasPrefix("a") ? 7 : 8 }
        index["a:one"] = 1
        index["a:two"] = 2
        index["b:three"] = 3
        #expect(index["a:one"] == 1)
        #expect(index["a:two"] == 2)
        #expect(index["b:three"] == 3)
        #expect(index["a:four"] == nil)
        index["a:two"] = 20
        #expect(index["a:two"] == 20)
        #expect(index.keys == ["a:one", "b:three", "a:two"])
    }
}
