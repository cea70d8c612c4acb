#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// Reads a bundle folder from disk. Every `.json` entry either becomes a file, named by its path
/// inside the bundle, or a diagnostic that says what it actually is: nothing is skipped in
/// silence. Symbolic links are followed (a flow may live elsewhere), folder links that lead back
/// to a folder holding them are reported as loops, and named pipes and devices are never opened,
/// so reading cannot block.
enum BundleFolderReader {
    /// A folder's identity, to notice a link that leads back to where it is.
    private struct FolderID: Hashable {
        var device: UInt
        var inode: UInt

        init(_ info: stat) {
            device = UInt(info.st_dev)
            inode = UInt(info.st_ino)
        }
    }

    static func read(_ directory: URL) -> (files: [String: String], problems: [Diagnostic]) {
        var files: [String: String] = [:]
        var problems: [Diagnostic] = []
        let root = directory.standardizedFileURL.path
        var info = stat()
        guard stat(root, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            problems.append(Diagnostic(code: .missingFile, file: "", message: "the bundle folder '\(directory.path)' does not exist",
                                       hint: "pass the folder that holds manifest.json"))
            return (files, problems)
        }
        walk(root, relative: "", ancestors: [FolderID(info)], files: &files, problems: &problems)
        return (files, problems)
    }

    private static func walk(_ path: String, relative: String, ancestors: Set<FolderID>, files: inout [String: String], problems: inout [Diagnostic]) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            problems.append(problem(relative, "this folder cannot be read (\(systemError()))", hint: "check its permissions"))
            return
        }
        for name in entries.sorted() where !name.hasPrefix(".") {
            let inside = relative.isEmpty ? name : "\(relative)/\(name)"
            if BundleLoader.ignoredFolders.contains(where: (inside + "/").hasPrefix) { continue }
            let full = "\(path)/\(name)"
            let isJSON = name.hasSuffix(".json")
            var info = stat()
            guard stat(full, &info) == 0 else {
                if isJSON { problems.append(unreachable(full, inside)) }
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if isJSON {
                    problems.append(problem(inside, "this is a folder, not a file", hint: "names ending in .json are read as dialog files; rename the folder"))
                    continue
                }
                let folder = FolderID(info)
                guard !ancestors.contains(folder) else {
                    problems.append(problem(inside, "this folder link leads back to a folder that holds it (a loop)", hint: "point the link elsewhere, or remove it"))
                    continue
                }
                walk(full, relative: inside, ancestors: ancestors.union([folder]), files: &files, problems: &problems)
            case S_IFREG:
                guard isJSON else { continue }
                switch readText(full) {
                case .text(let text): files[inside] = text
                case .problem(let diagnostic):
                    var diagnostic = diagnostic
                    diagnostic.file = inside
                    problems.append(diagnostic)
                }
            default:
                guard isJSON else { continue }
                let kind = switch info.st_mode & S_IFMT {
                case S_IFIFO: "a named pipe (FIFO)"
                case S_IFSOCK: "a socket"
                default: "a device"
                }
                problems.append(problem(inside, "this is \(kind), not a file", hint: "a bundle holds only files and folders; remove it or put a JSON file in its place"))
            }
        }
    }

    /// Why `stat` could not follow the entry at `full`.
    private static func unreachable(_ full: String, _ inside: String) -> Diagnostic {
        let error = errno
        let linkHint = "point the link at a file, or remove it"
        if error == ELOOP {
            return problem(inside, "this is a symbolic link that leads back to itself (a loop)", hint: linkHint)
        }
        if error == ENOENT, let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: full) {
            return problem(inside, "this is a symbolic link to '\(destination)', which does not exist", hint: linkHint)
        }
        if error == EACCES { return problem(inside, "the file cannot be read (permission denied)", hint: "check its permissions") }
        return problem(inside, "the file cannot be read (\(String(cString: strerror(error))))", hint: nil)
    }

    private enum ReadOutcome {
        case text(String)
        case problem(Diagnostic)
    }

    private static func readText(_ path: String) -> ReadOutcome {
        guard let data = FileManager.default.contents(atPath: path) else {
            let permission = errno == EACCES
            return .problem(problem("", permission ? "the file cannot be read (permission denied)" : "the file cannot be read (\(systemError()))",
                                    hint: permission ? "check its permissions" : nil))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .problem(Diagnostic(code: .unreadableFile, file: "", location: invalidUTF8Location(data),
                                       message: "the file is not valid UTF-8", hint: "save it as UTF-8"))
        }
        return .text(text)
    }

    private static func problem(_ file: String, _ message: String, hint: String?) -> Diagnostic {
        Diagnostic(code: .unreadableFile, file: file, message: message, hint: hint)
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }

    private static func invalidUTF8Location(_ data: Data) -> SourceLocation {
        var line = 1
        var column = 1
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0
            let end = index + length
            if length == 0 || end > data.endIndex || String(data: data[index..<end], encoding: .utf8) == nil {
                return SourceLocation(line: line, column: column)
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = end
        }
        return SourceLocation(line: line, column: column)
    }
}
