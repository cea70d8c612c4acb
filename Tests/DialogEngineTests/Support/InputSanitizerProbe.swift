@testable import DialogEngine

/// Gives the tests that import DialogEngine without @testable a way to reach the sanitizer.
enum InputSanitizerProbe {
    static func clean(_ text: String) -> String { InputSanitizer.clean(text) }
}

