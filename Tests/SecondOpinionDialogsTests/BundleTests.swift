import DialogEngine
import Foundation
import SecondOpinionDialogs
import Testing

@Suite struct BundleTests {
    @Test func theEmbeddedFilesAreTheFilesOnDisk() {
        let onDisk = DialogBundle.readFiles(in: Shipped.dialogsDirectory).files
        let embedded = SecondOpinionDialogs.files.filter { $0.key.hasSuffix(".json") && !$0.key.hasPrefix("schemas/") }
        #expect(!onDisk.isEmpty)
        #expect(embedded == onDisk)
    }

    @Test func theDialogsLoadWithoutErrorsOrWarnings() throws {
        let bundle = try Shipped.bundle()
        #expect(bundle.warnings.isEmpty, "\(DiagnosticRenderer(pathPrefix: "Dialogs/", sources: SecondOpinionDialogs.files).render(bundle.warnings))")
        #expect(bundle.languages == ["nl", "en"])
        #expect(Set(bundle.flows.map(\.id)).isSuperset(of: ["welcome", "eligibility", "referrals", "costs", "family", "discrepancy"]))
    }

    @Test func everyNodeIsReachableHasBothLanguagesAndEveryTellingNodeASource() throws {
        let bundle = try Shipped.bundle()
        for id in bundle.nodeIDs {
            let node = try #require(bundle.inspect(node: id))
            #expect(node.reachable, "\(id) is unreachable")
            #expect(node.languages == ["nl", "en"], "\(id) lacks a language")
            if ["say", "plan"].contains(node.kind) && !(node.texts["en"] ?? []).isEmpty && !id.hasPrefix("welcome:") {
                #expect(!node.sources.isEmpty, "\(id) tells something without a source")
            }
        }
    }

    @Test func yearlyAmountsSayTheirYear() throws {
        let bundle = try Shipped.bundle()
        let deductible = try #require(bundle.inspect(node: "costs:deductible"))
        let dutch = try #require(deductible.texts["nl"]?.first { $0.contains("€385") })
        let english = try #require(deductible.texts["en"]?.first { $0.contains("€385") })
        #expect(dutch.contains("in 2024 was dat €385") && dutch.contains("Bekijk wat de bedragen dit jaar zijn."))
        #expect(english.contains("in 2024 it was €385") && english.contains("Check this year's amounts."))
    }

    static let hasPythonJSONSchema: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import jsonschema, referencing"]
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }()

    @Test(.enabled(if: hasPythonJSONSchema, "needs python3 with jsonschema (.ci/run installs it)"))
    func theDialogsConformToTheirJSONSchemas() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Shipped.dataDirectory.appendingPathComponent("check_schemas.py").path, Shipped.dialogsDirectory.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.hasPrefix("checked "))
    }
}
