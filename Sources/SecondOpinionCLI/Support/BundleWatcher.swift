import Foundation

/// Notices changes in a bundle folder by polling modification times: portable, and cheap at a few
/// hundred small files every 300 ms.
struct BundleWatcher {
    let directory: URL
    private var snapshot: [String: Date] = [:]

    init(directory: URL) {
        self.directory = directory
        snapshot = Self.modificationTimes(in: directory)
    }

    /// Sleeps until a file is added, removed or modified, then returns.
    mutating func waitForChange(interval: TimeInterval = 0.3) {
        while true {
            Thread.sleep(forTimeInterval: interval)
            let now = Self.modificationTimes(in: directory)
            if now != snapshot {
                snapshot = now
                return
            }
        }
    }

    private static func modificationTimes(in directory: URL) -> [String: Date] {
        var times: [String: Date] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey]
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "json", let values = try? url.resourceValues(forKeys: Set(keys)) else { continue }
            // The size too: two writes within the file system's time resolution still differ in it.
            let size = Double(values.fileSize ?? 0) / 1e12
            times[url.path] = (values.contentModificationDate ?? .distantPast).addingTimeInterval(size)
        }
        return times
    }
}
