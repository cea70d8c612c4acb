import Foundation
import Hummingbird
import Logging

/// The web chat widget and its demo page, served from this target's `Resources/public` folder by
/// Hummingbird's file middleware: `/` is the demo page, `/widget/second-opinion-chat.js` the
/// widget (with its sibling modules). A path no route answers falls through to these files.
struct WidgetRoutes {
    let logger: Logger

    /// The widget may change between releases at the same address: caches keep it an hour and
    /// then ask again (the ETag makes that cheap). The demo page is always revalidated.
    static let cacheControl = CacheControl([
        (.textJavascript, [.public, .maxAge(3600)]),
        (.textHtml, [.noCache]),
    ])

    func add(to router: Router<ServerRequestContext>) {
        guard let folder = WidgetFiles.folder else {
            logger.warning("the widget's files are not beside the binary; / and /widget/ are not served")
            return
        }
        let files = FileMiddleware<ServerRequestContext, LocalFileSystem>(
            folder.path, cacheControl: Self.cacheControl, searchForIndexHtml: true, logger: logger)
            .withAdditionalMediaTypes(forFileExtensions: [
                "html": MediaType.textHtml.withParameter(name: "charset", value: "utf-8"),
                "js": MediaType.textJavascript.withParameter(name: "charset", value: "utf-8"),
            ])
        router.add(middleware: files)
    }
}

/// Where the widget's files are.
enum WidgetFiles {
    /// The `public` folder of this target's resource bundle, or nil when the bundle is missing.
    static var folder: URL? {
        ServerResources.url(forResource: "public", withExtension: nil)
    }
}
