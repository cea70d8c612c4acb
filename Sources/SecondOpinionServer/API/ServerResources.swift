import Foundation

/// Files shipped as this target's resources (the OpenAPI document, the widget).
enum ServerResources {
    /// The resource's location, or nil when this installation lacks the resource bundle.
    static func url(forResource name: String, withExtension ext: String?) -> URL? {
        // `Bundle.module` stops the process when it finds no bundle (a binary copied without its
        // `.resources` folder), so check the place it looks first and answer nil instead.
        let bundle = Bundle.main.bundleURL.appendingPathComponent("second-opinion_SecondOpinionServer.resources")
        guard FileManager.default.fileExists(atPath: bundle.path) else { return nil }
        return Bundle.module.url(forResource: name, withExtension: ext)
    }
}
