import Foundation

// libFuzzer harnesses for the dialog engine, compiled together with the engine's sources into one
// module (so the expression parser, which is internal, can be reached). `FUZZ_TARGET` picks the
// target: load, restore, reply or expression. See Fuzz/README.md and Fuzz/run.sh.

/// The target chosen for this process.
let fuzzTarget = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    switch fuzzTarget {
    case "load": FuzzLoad.run(data)
    case "restore": FuzzRestore.run(data)
    case "reply": FuzzReply.run(data)
    case "expression": FuzzExpression.run(data)
    default: fatalError("set FUZZ_TARGET to load, restore, reply or expression")
    }
    return 0
}

/// Stops the run (libFuzzer records the input) when a session is stuck: it neither waits for an
/// answer nor has ended.
func requireCanGoOn(_ turn: Turn, _ what: String) {
    if !turn.ended && turn.expects.kind == .none {
        fatalError("stuck after \(what) at \(turn.flow):\(turn.node)")
    }
}
