import Foundation
import Testing

/// The dialogs are written anew from the source pages: no text may share a run of ten or more
/// words with a page in `../shared/seeds/` (beside the repository), compared without case,
/// accents and punctuation. The pages are not part of the repository; on CI they must be there.
@Suite struct SourceOverlapTests {
    static let seedsDirectory = Shipped.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static let runLength = 10
    static let onCI = ProcessInfo.processInfo.environment["CI"] == "true"
    static let seedsPresent = FileManager.default.fileExists(atPath: seedsDirectory.path)

    /// Lower-case words of letters and digits, accents removed; everything else separates words.
    static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        return folded.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// Every run of `runLength` words in `words`, joined by single spaces.
    static func runs(_ words: [String]) -> [String] {
        guard words.count >= runLength else { return [] }
        return (0...(words.count - runLength)).map { words[$0..<($0 + runLength)].joined(separator: " ") }
    }

    /// What the assistant says: every per-language string in the flows and the manifest (labels,
    /// questions, messages, plan steps, interrupts). Source titles in sources.json are left out on
    /// purpose: they quote the pages' real headings, as a citation must.
    static func dialogTexts() throws -> [(place: String, text: String)] {
        var files = try FileManager.default.contentsOfDirectory(atPath: Shipped.dialogsDirectory.appendingPathComponent("flows").path)
            .filter { $0.hasSuffix(".json") }.sorted().map { "flows/\($0)" }
        files.append("manifest.json")
        var texts: [(String, String)] = []
        for file in files {
            let data = try Data(contentsOf: Shipped.dialogsDirectory.appendingPathComponent(file))
            collect(try JSONSerialization.jsonObject(with: data), place: file, into: &texts)
        }
        return texts
    }

    static func collect(_ value: Any, place: String, into texts: inout [(String, String)]) {
        if let object = value as? [String: Any] {
            for (key, member) in object.sorted(by: { $0.key < $1.key }) {
                if ["nl", "en"].contains(key), let text = member as? String {
                    texts.append(("\(place) [\(key)]", text))
                } else {
                    collect(member, place: place, into: &texts)
                }
            }
        } else if let array = value as? [Any] {
            for element in array { collect(element, place: place, into: &texts) }
        }
    }

    @Test func wordsAreComparedWithoutCaseAccentsOrPunctuation() {
        #expect(Self.words("Een second-opinion, één keer: WGBO 7:450!") == ["een", "second", "opinion", "een", "keer", "wgbo", "7", "450"])
        #expect(Self.runs(Array(repeating: "a", count: 9)).isEmpty)
        #expect(Self.runs((1...11).map(String.init)) == ["1 2 3 4 5 6 7 8 9 10", "2 3 4 5 6 7 8 9 10 11"])
    }

    @Test(.enabled(if: seedsPresent || onCI, "the source pages are not beside the repository (../shared/seeds)"))
    func noDialogTextSharesTenWordsWithASourcePage() throws {
        let pages = try FileManager.default.contentsOfDirectory(atPath: Self.seedsDirectory.path).filter { !$0.hasPrefix(".") }.sorted()
        try #require(!pages.isEmpty, "no source pages in \(Self.seedsDirectory.path)")
        var pageOf: [String: String] = [:]
        for page in pages {
            let text = try String(contentsOf: Self.seedsDirectory.appendingPathComponent(page), encoding: .utf8)
            for run in Self.runs(Self.words(text)) where pageOf[run] == nil { pageOf[run] = page }
        }
        let texts = try Self.dialogTexts()
        #expect(texts.count > 300)
        var copies: [String] = []
        for (place, text) in texts {
            if let run = Self.runs(Self.words(text)).first(where: { pageOf[$0] != nil }) {
                copies.append("\(place): '\(run)' is also in \(pageOf[run]!)")
            }
        }
        #expect(copies.isEmpty, "\(copies.joined(separator: "\n"))")
    }
}
