import DialogEngine
import Foundation
import Testing

/// The fuzz targets' committed seeds stay meaningful: saves that restore without a note, and a
/// bundle seed that is the demo bundle as it is now. Stale seeds would leave the fuzzer starting
/// from inputs the engine rejects at once.
@Suite struct FuzzSeedTests {
    static let fuzzFolder = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static func seeds(_ target: String) -> [URL] {
        let folder = fuzzFolder.appendingPathComponent(target).appendingPathComponent("corpus")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test func everyRestoreSeedRestoresWithoutANote() throws {
        let engine = try Fixtures.demoEngine()
        let seeds = Self.seeds("restore")
        #expect(seeds.count >= 4)
        for seed in seeds {
            let (_, notes) = try engine.restore(try Data(contentsOf: seed))
            #expect(notes.isEmpty, "\(seed.lastPathComponent): \(notes)")
        }
    }

    @Test func theBundleSeedIsTheDemoBundle() throws {
        let seed = try String(contentsOf: Self.fuzzFolder.appendingPathComponent("load/corpus/01-demo-bundle"), encoding: .utf8)
        let expected = Fixtures.demoFiles().sorted { $0.key < $1.key }.map { "=== \($0.key)\n\($0.value.trimmingSuffixNewlines())" }
        #expect(seed == expected.joined(separator: "\n") + "\n")
    }
}

extension String {
    fileprivate func trimmingSuffixNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
