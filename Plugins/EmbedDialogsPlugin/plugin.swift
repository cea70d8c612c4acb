import Foundation
import PackagePlugin

/// Turns the package's `Dialogs/` folder into generated Swift source for the target it is applied to.
@main
struct EmbedDialogsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let dialogs = context.package.directoryURL.appending(path: "Dialogs")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedDialogFiles.swift")
        var inputs: [URL] = [dialogs]
        if let enumerator = FileManager.default.enumerator(at: dialogs, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator { inputs.append(url) }
        }
        return [
            .buildCommand(
                displayName: "Embedding dialog bundle from \(dialogs.path)",
                executable: try context.tool(named: "EmbedDialogsTool").url,
                arguments: [dialogs.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
