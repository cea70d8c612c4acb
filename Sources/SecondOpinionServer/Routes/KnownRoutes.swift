import Hummingbird
import Synchronization

/// The router's routes, so a path the API has but not for the method asked answers `405` with
/// the methods it does take (`Allow`), rather than `404` as if the path did not exist.
/// The error middleware is added before the routes are, so the routes are filled in afterwards.
final class KnownRoutes: Sendable {
    private struct Route {
        var path: RouterPath
        var method: HTTPRequest.Method
    }

    private let routes = Mutex<[Route]>([])

    /// Records the routes of `router` (once every route has been added).
    func record(_ router: Router<some RequestContext>) {
        let described = router.routes.map { Route(path: $0.path, method: $0.method) }
        routes.withLock { $0 = described }
    }

    /// The methods the routes take for `path`, sorted; empty when no route has the path.
    func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        let methods = routes.withLock { routes in
            routes.filter { Self.matches($0.path, segments) }.map(\.method.rawValue)
        }
        return Set(methods).sorted()
    }

    private static func matches(_ route: RouterPath, _ segments: [Substring]) -> Bool {
        // A `**` route (none in the API) matches any depth: left out rather than guessed at.
        let components = route.components
        guard !components.contains(.recursiveWildcard), components.count == segments.count else { return false }
        return zip(components, segments).allSatisfy { component, segment in component ~= segment }
    }
}
