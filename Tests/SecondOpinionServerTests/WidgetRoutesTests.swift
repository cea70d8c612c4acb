import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
@testable import SecondOpinionServer

/// The widget's files and the demo page, as the server sends them. (Its behaviour is tested in
/// Chromium by `Tests/Browser`.)
@Suite struct WidgetRoutesTests {
    static let publicFolder = PackageRoot.appending("Sources/SecondOpinionServer/Resources/public")

    /// Every module of the widget, so a new file cannot ship without a test of how it is served.
    static let widgetModules: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: publicFolder.appendingPathComponent("widget").path)) ?? []
        return names.filter { $0.hasSuffix(".js") }.sorted()
    }()

    static func shipped(_ path: String) throws -> String {
        try String(contentsOf: publicFolder.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func theDemoPageIsServedAtTheRoot() async throws {
        let page = try Self.shipped("index.html")
        try await TestServer.app().test(.router) { client in
            let response = try await client.send(.get, "/")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[.cacheControl] == "no-cache")
            #expect(response.text == page)
            #expect(page.contains(#"<script type="module" src="/widget/second-opinion-chat.js"></script>"#))
        }
    }

    @Test func theWidgetHasModules() {
        #expect(Self.widgetModules.contains("second-opinion-chat.js"))
    }

    @Test(arguments: widgetModules)
    func eachWidgetModuleIsServedAsJavaScriptThatCachesMayKeepAnHour(_ name: String) async throws {
        let script = try Self.shipped("widget/\(name)")
        try await TestServer.app().test(.router) { client in
            let response = try await client.send(.get, "/widget/\(name)")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(response.headers[.cacheControl] == "public, max-age=3600")
            #expect(response.text == script)
            // A cache that asks again with the ETag gets 304 and no body.
            let eTag = try #require(response.headers[.eTag])
            let again = try await client.send(.get, "/widget/\(name)", headers: [.ifNoneMatch: eTag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
        }
    }

    @Test func aPathWithNoFileIsStillTheAPIsJSONError() async throws {
        try await TestServer.app().test(.router) { client in
            let response = try await client.send(.get, "/widget/missing.js")
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/json")
            let error = try response.error()
            #expect(error.code == "route_not_found")
            #expect(error.message == "There is no GET /widget/missing.js; see /openapi.yaml for the API.")
        }
    }

    @Test func theWidgetIsServedToAListedOriginWithItsCORSHeader() async throws {
        // A module script from another origin is fetched with CORS, so the page's origin must be listed.
        let app = TestServer.app(configuration: TestServer.configuration { $0.allowedOrigins = ["https://zorg.example"] })
        try await app.test(.router) { client in
            let listed = try await client.send(.get, "/widget/second-opinion-chat.js", headers: [.origin: "https://zorg.example"])
            #expect(listed.status == .ok)
            #expect(listed.headers[.accessControlAllowOrigin] == "https://zorg.example")
            let stranger = try await client.send(.get, "/widget/second-opinion-chat.js", headers: [.origin: "https://evil.example"])
            #expect(stranger.headers[.accessControlAllowOrigin] == nil)
        }
    }
}
