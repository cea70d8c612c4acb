import DialogEngine
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SecondOpinionDialogs

// second-opinion-bench: how fast and small the engine is, on synthetic bundles of 100, 1,000 and
// 10,000 question nodes and on the built-in dialogs. Prints a table for people and, with --json,
// one JSON object per measurement for scripts that compare two commits. Run it as a release build:
//     swift run -c release second-opinion-bench [--json] [--sizes 100,1000] [--synthetic-only]

struct Result: Encodable {
    var bench: String
    var metric: String
    var value: Double
    var unit: String
}

var results: [Result] = []
@MainActor func record(_ bench: String, _ metric: String, _ value: Double, _ unit: String) {
    results.append(Result(bench: bench, metric: metric, value: value, unit: unit))
}

let arguments = CommandLine.arguments.dropFirst()
let asJSON = arguments.contains("--json")
// Only the synthetic bundles: a profile of their turns alone, without the built-in dialogs' routing.
let syntheticOnly = arguments.contains("--synthetic-only")
var sizes = [100, 1_000, 10_000]
if let index = arguments.firstIndex(of: "--sizes"), arguments.index(after: index) < arguments.endIndex {
    sizes = arguments[arguments.index(after: index)].split(separator: ",").compactMap { Int($0) }
}

/// Replies `count` times, typing what `typed` gives for the waiting question, and returns each
/// reply's time in microseconds. A conversation runs to its end, or with `turnsPerSession` is
/// started over after that many turns.
func replyTimes(_ engine: DialogEngine, count: Int, turnsPerSession: Int = .max, typed: (Turn) -> String) -> [Double] {
    var (session, turn) = engine.start(language: "en")
    var times: [Double] = []
    times.reserveCapacity(count)
    let clock = ContinuousClock()
    var turnsInSession = 0
    while times.count < count {
        if turn.ended || turn.choices.isEmpty || turnsInSession == turnsPerSession {
            turn = engine.restart(&session)
            turnsInSession = 0
            continue
        }
        turnsInSession += 1
        let text = typed(turn)
        let start = clock.now
        turn = engine.reply(text, in: &session)
        times.append(Measure.seconds(clock.now - start) * 1e6)
    }
    return times.sorted()
}

for size in sizes {
    let name = "synthetic-\(size)"
    // Loaded from a folder, as a server loads its bundle: reading the files is part of loading,
    // and their text is freed (and given back) before the memory is measured.
    let (folder, jsonBytes) = try SyntheticBundle.folder(questions: size)
    defer { try? FileManager.default.removeItem(at: folder) }
    let heapBefore = Measure.liveHeapBytes()
    let (loadSeconds, loaded) = Measure.time { Swift.Result { () throws(BundleLoadError) in try DialogBundle.load(directory: folder) } }
    guard case .success(let bundle) = loaded else {
        if case .failure(let error) = loaded { print(DiagnosticRenderer(sources: error.files).render(error.diagnostics)) }
        try? FileManager.default.removeItem(at: folder)  // exit skips the defer
        print("\(name): the synthetic bundle does not load")
        exit(1)
    }
    record(name, "json", Double(jsonBytes) / 1e6, "MB")
    record(name, "nodes", Double(bundle.nodeCount), "nodes")
    record(name, "load+validate", loadSeconds * 1000, "ms")
    record(name, "warnings", Double(bundle.warnings.count), "count")
    record(name, "heap after load", Double(Measure.liveHeapBytes() - heapBefore) / 1e6, "MB")
    record(name, "rss after load", Double(Measure.residentBytes()) / 1e6, "MB")
    let engine = DialogEngine(bundle: bundle)
    let (startSeconds, _) = Measure.time { for _ in 0..<1000 { _ = engine.start(language: "en") } }
    record(name, "session start", startSeconds * 1e6 / 1000, "µs")
    // Typing the choice's text, round robin over the choices.
    var pick = 0
    let byText = replyTimes(engine, count: 20_000) { turn in
        pick += 1
        return turn.choices[pick % turn.choices.count].label
    }
    record(name, "turn p50 (text)", Measure.percentile(byText, 0.5), "µs")
    record(name, "turn p99 (text)", Measure.percentile(byText, 0.99), "µs")
    record(name, "turn p99.9 (text)", Measure.percentile(byText, 0.999), "µs")
    // The conversations above run through every question in a row, so in the larger bundles a
    // session reaches its undo and transcript limits and pays for them each turn. Started over
    // every 100 turns, the sessions are alike at every size, and the tree's size alone shows.
    let shortSessions = replyTimes(engine, count: 20_000, turnsPerSession: 100) { turn in
        pick += 1
        return turn.choices[pick % turn.choices.count].label
    }
    record(name, "turn p50 (text, 100-turn sessions)", Measure.percentile(shortSessions, 0.5), "µs")
    record(name, "turn p99 (text, 100-turn sessions)", Measure.percentile(shortSessions, 0.99), "µs")
    let byNumber = replyTimes(engine, count: 20_000) { turn in
        pick += 1
        return "\(pick % turn.choices.count + 1)"
    }
    record(name, "turn p50 (number)", Measure.percentile(byNumber, 0.5), "µs")
    record(name, "turn p99 (number)", Measure.percentile(byNumber, 0.99), "µs")
    var (session, turn) = engine.start(language: "en")
    for _ in 0..<10 { turn = engine.reply(turn.choices.first?.label ?? "1", in: &session) }
    let saved = (try? SavedSession(session, engine: engine).encoded())?.count ?? 0
    record(name, "saved session after 10 turns", Double(saved), "bytes")
    // Many sessions over one engine on every core.
    let threads = ProcessInfo.processInfo.activeProcessorCount
    let perThread = 20_000
    let (parallelSeconds, _) = Measure.time {
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            _ = replyTimes(engine, count: perThread) { "\(($0.choices.count + 1) / 2)" }
        }
    }
    record(name, "turns/s on \(threads) threads", Double(threads * perThread) / parallelSeconds, "turns/s")
}

// Idle sessions: what keeping many conversations open costs.
if !syntheticOnly {
    let engine = DialogEngine(bundle: try DialogBundle.load(files: SecondOpinionDialogs.files))
    let heapBefore = Measure.liveHeapBytes()
    var sessions: [DialogSession] = []
    sessions.reserveCapacity(10_000)
    for _ in 0..<10_000 { sessions.append(engine.start(language: "nl").0) }
    record("second-opinion", "bytes per idle session", Double(Measure.liveHeapBytes() - heapBefore) / 10_000, "bytes")
    withExtendedLifetime(sessions) {}
}

// Understanding: training the classifier of the built-in dialogs and routing free text.
if !syntheticOnly {
    let heapBefore = Measure.liveHeapBytes()
    let (loadSeconds, bundle) = try Measure.time { try DialogBundle.load(files: SecondOpinionDialogs.files) }
    record("second-opinion", "load+validate", loadSeconds * 1000, "ms")
    let heapLoaded = Measure.liveHeapBytes()
    let (trainSeconds, _) = Measure.time { bundle.prepareUnderstanding() }
    record("second-opinion", "classifier training", trainSeconds * 1000, "ms")
    record("second-opinion", "classifier memory", Double(Measure.liveHeapBytes() - heapLoaded) / 1e6, "MB")
    record("second-opinion", "heap after load+training", Double(Measure.liveHeapBytes() - heapBefore) / 1e6, "MB")
    let engine = DialogEngine(bundle: bundle)
    let questions = ["wie betaalt de second opinion eigenlijk", "my GP won't give me a referral letter", "mag ik een second opinion vragen voor mijn moeder",
                     "the two doctors say different things, what now", "wat moet ik meenemen naar het gesprek", "hoe laat is het"]
    var times: [Double] = []
    let clock = ContinuousClock()
    for round in 0..<2_000 {
        var (session, _) = engine.start(language: round % 2 == 0 ? "nl" : "en")
        let start = clock.now
        _ = engine.reply(questions[round % questions.count], in: &session)
        times.append(Measure.seconds(clock.now - start) * 1e6)
    }
    times.sort()
    record("second-opinion", "routed turn p50", Measure.percentile(times, 0.5), "µs")
    record("second-opinion", "routed turn p99", Measure.percentile(times, 0.99), "µs")
    // A pasted paragraph of 2,000 characters, routed at the menu and answered at a question.
    let words = ["mijn", "moeder", "is", "ziek", "en", "de", "arts", "wil", "opereren", "maar", "wij", "twijfelen", "over", "het", "plan"]
    var paste = ""
    var next = 0
    while paste.count < 2_000 { paste += words[next % words.count] + " "; next += 1 }
    /// The p50 of replying `text` as the first message of a Dutch conversation, in µs.
    func firstReplyP50(_ text: String) -> Double {
        var times: [Double] = []
        for _ in 0..<200 {
            var (session, _) = engine.start(language: "nl")
            let start = clock.now
            _ = engine.reply(text, in: &session)
            times.append(Measure.seconds(clock.now - start) * 1e6)
        }
        return Measure.percentile(times.sorted(), 0.5)
    }
    record("second-opinion", "2,000-character paste p50", firstReplyP50(String(paste.prefix(2_000))), "µs")
    // A paste that hardly repeats a word: the dialogs' own words, in a fixed pseudo-random order.
    let vocabulary = Array(Set(SecondOpinionDialogs.files.filter { $0.key.hasPrefix("flows/") }.values.flatMap {
        $0.split { !$0.isLetter }.map(String.init)
    })).sorted()
    var varied = ""
    var state: UInt64 = 42
    while varied.count < 2_000 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        varied += vocabulary[Int(state >> 33) % vocabulary.count] + " "
    }
    record("second-opinion", "2,000-character varied paste p50", firstReplyP50(String(varied.prefix(2_000))), "µs")
    // Saving a long conversation, as a server does on every turn once a person has talked for a
    // while: 300 turns fill the transcript to its 500 lines and the undo history to its 100 steps.
    var (long, _) = engine.start(language: "nl")
    let inputs = ["wie betaalt dat eigenlijk?", "1", "nee", "/help", "ik wil een second opinion", "ja", "terug", "2", "/topics",
                  "mag mijn moeder een second opinion voor mij vragen?"]
    for index in 0..<300 { _ = engine.reply(inputs[index % inputs.count], in: &long) }
    let longSaved = SavedSession(long, engine: engine)
    var saveTimes: [Double] = []
    var savedBytes = 0
    for _ in 0..<500 {
        // Compact, with the writer the server stores sessions with (`encoded()` pretty-prints for files).
        let start = clock.now
        var writer = JSONWriter(capacity: 8 * 1_024)
        try? longSaved.write(to: &writer)
        savedBytes = writer.bytes.count
        saveTimes.append(Measure.seconds(clock.now - start) * 1e6)
    }
    record("second-opinion", "long session saved (300 turns)", Double(savedBytes) / 1_000, "KB")
    record("second-opinion", "saving a long session p50", Measure.percentile(saveTimes.sorted(), 0.5), "µs")
}

if asJSON {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    for result in results {
        print(String(decoding: try encoder.encode(result), as: UTF8.self))
    }
} else {
    let width = results.map(\.metric.count).max() ?? 10
    var current = ""
    for result in results {
        if result.bench != current {
            current = result.bench
            print("\n\(current)")
        }
        let value = Measure.fixed(result.value, decimals: result.value >= 100 ? 0 : 2)
        let padding = String(repeating: " ", count: max(0, width - result.metric.count))
        print("  \(result.metric)\(padding)  \(value) \(result.unit)")
    }
}
