import DialogEngine
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Reading a bundle folder from disk: links are followed and named by where they sit inside the
/// bundle, and anything that is not a readable file gets a message naming what it is. These
/// cases need real links and pipes, so each test builds its folder at run time.
@Suite struct BundleFolderTests {
    /// A copy of the demo bundle in a fresh temporary folder, with a sibling folder outside it.
    struct Copy {
        let root: URL
        var bundle: URL { root.appendingPathComponent("bundle") }
        var outside: URL { root.appendingPathComponent("outside") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("folder-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Fixtures.demoDirectory, to: bundle)
        }

        func path(_ relative: String) -> String { bundle.appendingPathComponent(relative).path }
        func remove() { try? FileManager.default.removeItem(at: root) }

        func link(_ relative: String, to destination: String) throws {
            try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: destination)
        }

        /// The diagnostics of loading the folder, rendered as `validate` shows them.
        func rendered() -> String {
            do {
                let loaded = try DialogBundle.load(directory: bundle)
                return DiagnosticRenderer(sources: DialogBundle.readFiles(in: bundle).files).render(loaded.warnings)
            } catch {
                return DiagnosticRenderer(sources: error.files).render(error.diagnostics)
            }
        }
    }

    @Test func aFlowLinkedFromOutsideIsReadUnderItsNameInsideTheBundle() throws {
        let copy = try Copy()
        defer { copy.remove() }
        let elsewhere = copy.outside.appendingPathComponent("some-other-name.json")
        try Fixtures.paintFlow.write(to: elsewhere, atomically: true, encoding: .utf8)
        try copy.link("flows/paint.json", to: elsewhere.path)
        let (files, problems) = DialogBundle.readFiles(in: copy.bundle)
        #expect(problems.isEmpty)
        #expect(files["flows/paint.json"] == Fixtures.paintFlow)
        #expect(files.keys.sorted() == ["facts.json", "flows/hours.json", "flows/paint.json", "flows/repair.json", "flows/survey.json",
                                        "flows/welcome.json", "manifest.json", "sources.json"])
        #expect(try DialogBundle.load(directory: copy.bundle).flows.map(\.id).contains("paint"))
    }

    @Test func aFolderLinkedFromOutsideIsReadToo() throws {
        let copy = try Copy()
        defer { copy.remove() }
        try Fixtures.paintFlow.write(to: copy.outside.appendingPathComponent("paint.json"), atomically: true, encoding: .utf8)
        try copy.link("flows/more", to: copy.outside.path)
        let (files, problems) = DialogBundle.readFiles(in: copy.bundle)
        #expect(problems.isEmpty)
        #expect(files["flows/more/paint.json"] == Fixtures.paintFlow)
    }

    @Test func aNamedPipeIsNamedAndNeverOpened() throws {
        let copy = try Copy()
        defer { copy.remove() }
        try #require(mkfifo(copy.path("flows/pipe.json"), 0o644) == 0)
        #expect(copy.rendered() == """
            flows/pipe.json: error: DLG030 this is a named pipe (FIFO), not a file
            hint: a bundle holds only files and folders; remove it or put a JSON file in its place
            """)
    }

    @Test func aFolderNamedLikeAFileIsNamed() throws {
        let copy = try Copy()
        defer { copy.remove() }
        try FileManager.default.createDirectory(atPath: copy.path("flows/extra.json"), withIntermediateDirectories: false)
        #expect(copy.rendered() == """
            flows/extra.json: error: DLG030 this is a folder, not a file
            hint: names ending in .json are read as dialog files; rename the folder
            """)
    }

    @Test func linkLoopsAndBrokenLinksAreNamed() throws {
        let copy = try Copy()
        defer { copy.remove() }
        try copy.link("flows/loop.json", to: "loop.json")
        try copy.link("flows/gone.json", to: "/nonexistent/flow.json")
        try copy.link("flows/up", to: "..")
        #expect(copy.rendered() == """
            flows/gone.json: error: DLG030 this is a symbolic link to '/nonexistent/flow.json', which does not exist
            hint: point the link at a file, or remove it
            flows/loop.json: error: DLG030 this is a symbolic link that leads back to itself (a loop)
            hint: point the link at a file, or remove it
            flows/up: error: DLG030 this folder link leads back to a folder that holds it (a loop)
            hint: point the link elsewhere, or remove it
            """)
    }
}
