import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The terminal's file commands write only to regular files or new names, atomically, and say
/// plainly what a path is when they refuse it; names and bundle text never reach the terminal
/// with escape sequences in them.
@Suite struct FileSafetyTests {
    /// The chat over the engine tests' demo bundle: these tests are about files, not dialogs.
    static let chat = ["chat", "--dialogs", CommandRunner.packageRoot.appendingPathComponent("Tests/DialogEngineTests/Fixtures/demo").path]

    /// A fresh folder, removed at the end of the test.
    struct Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("paths-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        func remove() { try? FileManager.default.removeItem(at: url) }
        /// The `S_IFMT` bits of `name` itself (not what a link points to).
        func fileType(_ name: String) -> mode_t {
            var info = stat()
            return lstat(path(name), &info) == 0 ? info.st_mode & S_IFMT : 0
        }
        func kind(_ name: String) throws -> FileAttributeType? {
            try FileManager.default.attributesOfItem(atPath: path(name))[.type] as? FileAttributeType
        }
    }

    @Test func refusesFifosFoldersAndDevicesSayingWhatTheyAre() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try #require(mkfifo(folder.path("pipe.json"), 0o644) == 0)
        try FileManager.default.createDirectory(atPath: folder.path("dir.md"), withIntermediateDirectories: false)
        try #require(mknod(folder.path("null.txt"), S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0)
        let input = "/save \(folder.path("pipe.json"))\n/plan save \(folder.path("dir.md"))\n/transcript save \(folder.path("null.txt"))\n/load \(folder.path("pipe.json"))\n"
        let result = try CommandRunner.run(Self.chat + ["--lang", "en"], input: input)
        #expect(result.text.contains("\nCannot write \(folder.path("pipe.json")): it is a named pipe (FIFO), not a regular file.\n"))
        #expect(result.text.contains("\nCannot write \(folder.path("dir.md")): it is a folder, not a regular file.\n"))
        #expect(result.text.contains("\nCannot write \(folder.path("null.txt")): it is a device, not a regular file.\n"))
        #expect(result.text.contains("\nCannot read \(folder.path("pipe.json")): it is a named pipe (FIFO), not a regular file.\n"))
        #expect(folder.fileType("pipe.json") == S_IFIFO)
        #expect(try folder.kind("dir.md") == .typeDirectory)
        #expect(try folder.kind("null.txt") == .typeCharacterSpecial)
    }

    @Test func refusesASymlinkNamingWhereItPoints() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try "keep me".write(toFile: folder.path("real.json"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.path("link.json"), withDestinationPath: folder.path("real.json"))
        let result = try CommandRunner.run(Self.chat + ["--lang", "nl"], input: "/save \(folder.path("link.json"))\n")
        #expect(result.text.contains("\nKan \(folder.path("link.json")) niet schrijven: het is een symbolische link naar \(folder.path("real.json")); geef dat bestand zelf op als je het wilt vervangen.\n"))
        #expect(try folder.kind("link.json") == .typeSymbolicLink)
        #expect(try String(contentsOfFile: folder.path("real.json"), encoding: .utf8) == "keep me")
    }

    @Test func refusesAReadOnlyFileEvenForRoot() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try "keep me".write(toFile: folder.path("plan.md"), atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: folder.path("plan.md"))
        let result = try CommandRunner.run(Self.chat + ["--lang", "en"], input: "/plan save \(folder.path("plan.md"))\n")
        #expect(result.text.contains("\nCannot write \(folder.path("plan.md")): it is read-only.\n"))
        #expect(try String(contentsOfFile: folder.path("plan.md"), encoding: .utf8) == "keep me")
    }

    @Test func replacesARegularFileKeepingItsPermissionsAndLeavesNoTemporaryFiles() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try "old".write(toFile: folder.path("session.json"), atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder.path("session.json"))
        // What a save killed halfway leaves behind: a temporary file of a process that is gone.
        var deadProcess: Int32 = 4_000_000
        while kill(deadProcess, 0) == 0 || errno != ESRCH { deadProcess -= 1 }
        let stale = ".session.json.second-opinion-tmp-\(deadProcess)-Ab12Cd"
        try "half".write(toFile: folder.path(stale), atomically: false, encoding: .utf8)
        let result = try CommandRunner.run(Self.chat + ["--lang", "en"], input: "/save \(folder.path("session.json"))\n")
        #expect(result.text.contains("Conversation saved to \(folder.path("session.json"))."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["session.json"])
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path("session.json"))
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(try String(contentsOfFile: folder.path("session.json"), encoding: .utf8).contains("\"bundleID\""))
    }

    @Test func fileNamesInMessagesCarryNoEscapeSequences() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let name = folder.path("a\u{1B}]0;owned\u{07}b.json")
        let result = try CommandRunner.run(Self.chat + ["--lang", "en"], input: "/save \(name)\n/load \(folder.path("missing\u{1B}[2J.json"))\n")
        #expect(result.text.contains("Conversation saved to \(folder.path("ab.json"))."))
        #expect(result.text.contains("Cannot read \(folder.path("missing.json")): it does not exist."))
        #expect(!result.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test func validateShowsNoEscapeSequencesFromTheBundle() throws {
        let bundle = try TemporaryBundle.copyOfDemo()
        defer { bundle.remove() }
        // An id with escapes that JSON decodes into control characters, and a raw escape in a line
        // the syntax error quotes.
        try bundle.edit("flows/repair.json", replacing: "\"next\": \"check\"", with: "\"next\": \"ch\\u001b]0;owned\\u0007eck\"")
        try bundle.edit("flows/hours.json", replacing: "\"Opening hours\"", with: "\"Opening \u{1B}[2Jhours\"")
        let result = try CommandRunner.run(["validate", bundle.url.path], input: "")
        #expect(result.status == 1)
        #expect(result.text.contains("DLG007 unknown node 'check' in this flow"))
        #expect(result.text.contains("  \"title\": { \"en\": \"Opening hours\", \"nl\": \"Openingstijden\" },\n"))
        #expect(!result.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test func theEchoOfAHugeGraphemeIsCutInScalars() throws {
        let grapheme = "a" + String(repeating: "\u{301}", count: 100_000)
        let result = try CommandRunner.run(Self.chat + ["--lang", "en"], input: grapheme + "\n")
        #expect(result.text.contains("Your message was very long; only the start was read."))
        #expect(result.output.count < 40_000, "\(result.output.count) bytes of output")
    }
}
