import DialogEngine
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reading and writing the files a person names in the terminal (`/save`, `/load`, `/plan save`,
/// `/transcript save`).
///
/// Writes go only to a regular file or a new name, never through a symbolic link (the link is
/// refused, naming where it points, so nothing outside the named path is replaced by surprise),
/// and never to a device, named pipe or folder. The new contents go to a temporary file next to
/// the target, `.NAME.second-opinion-tmp-PID-XXXXXX`, which is renamed over the target, so a
/// crash leaves the old file or the new one, whole. Temporary files of processes that are gone
/// are removed on the next write to the same name.
enum SafeFile {
    /// Why a path was refused or could not be used.
    struct Failure: Error, Equatable {
        enum Code: Equatable {
            case missing
            case folder
            case fifo
            case device
            case socket
            case symbolicLink(target: String)
            case readOnly
            case tooLarge(limit: Int)
            case system(String)
        }

        var code: Code

        /// The reason as a clause after "it ...", in the words of `pack`.
        func reason(in pack: LanguagePack) -> String {
            switch code {
            case .missing: pack.message("file.missing")
            case .folder: pack.message("file.folder")
            case .fifo: pack.message("file.fifo")
            case .device: pack.message("file.device")
            case .socket: pack.message("file.socket")
            case .symbolicLink(let target): pack.message("file.symbolicLink", ["target": target])
            case .readOnly: pack.message("file.readOnly")
            case .tooLarge(let limit): pack.message("file.tooLarge", ["limit": String(limit)])
            case .system(let message): message
            }
        }
    }

    /// The marker in temporary file names, so they can be recognised and cleaned up.
    static let temporaryMarker = ".second-opinion-tmp-"

    /// Replaces the file at `path` with `data`, or creates it.
    static func write(_ data: Data, to path: String) throws(Failure) {
        var info = stat()
        var mode: mode_t = 0o666 & ~currentUmask()
        if lstat(path, &info) == 0 {
            if let problem = problem(with: info, at: path) { throw Failure(code: problem) }
            if info.st_mode & 0o222 == 0 { throw Failure(code: .readOnly) }
            mode = info.st_mode & 0o7777
        } else if errno != ENOENT {
            throw Failure(code: .system(systemError()))
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        removeStaleTemporaryFiles(of: name, in: folder)

        var template = Array("\(folder)/.\(name)\(temporaryMarker)\(getpid())-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Failure(code: .system(systemError())) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var failure: Failure?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = Failure(code: .system(systemError()))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fchmod(descriptor, mode) != 0 || fsync(descriptor) != 0 {
            failure = Failure(code: .system(systemError()))
        }
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 {
            failure = Failure(code: .system(systemError()))
        }
        if let failure {
            unlink(temporary)
            throw failure
        }
    }

    /// The contents of the regular file at `path`, at most `limit` bytes; a named pipe or device
    /// is refused before it is opened, so reading can never block.
    static func read(_ path: String, limit: Int) throws(Failure) -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw Failure(code: errno == ENOENT ? .missing : .system(systemError()))
        }
        if let problem = problem(with: info, at: path) { throw Failure(code: problem) }
        guard Int(info.st_size) <= limit else { throw Failure(code: .tooLarge(limit: limit)) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure(code: .system(systemError()))
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            guard data.count <= limit else { throw Failure(code: .tooLarge(limit: limit)) }
            return data
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(code: .system(error.localizedDescription))
        }
    }

    /// What makes the file described by `info` unfit to read or replace, if anything.
    private static func problem(with info: stat, at path: String) -> Failure.Code? {
        switch info.st_mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: .folder
        case S_IFIFO: .fifo
        case S_IFCHR, S_IFBLK: .device
        case S_IFSOCK: .socket
        case S_IFLNK: .symbolicLink(target: (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
        default: .device
        }
    }

    /// Removes `.NAME.second-opinion-tmp-PID-*` files whose process is gone (or is this one: the
    /// terminal writes one file at a time).
    private static func removeStaleTemporaryFiles(of name: String, in folder: String) {
        let prefix = ".\(name)\(temporaryMarker)"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count).prefix { $0 != "-" }) else { continue }
            if pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) {
                unlink("\(folder)/\(entry)")
            }
        }
    }

    /// The system's words for the last error.
    private static func systemError() -> String {
        String(cString: strerror(errno))
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }
}
