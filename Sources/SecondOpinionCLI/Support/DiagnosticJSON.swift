import DialogEngine
import Foundation

/// Diagnostics as JSON for editors and CI annotations: every field present, null when absent.
struct DiagnosticJSON: Encodable {
    struct Entry: Encodable {
        var code: String
        var severity: String
        var file: String
        var line: Int?
        var column: Int?
        var path: String?
        var message: String
        var hint: String?

        private enum CodingKeys: String, CodingKey { case code, severity, file, line, column, path, message, hint }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(severity, forKey: .severity)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(path, forKey: .path)
            try container.encode(message, forKey: .message)
            try container.encode(hint, forKey: .hint)
        }
    }

    var diagnostics: [Entry]
    var errors: Int
    var warnings: Int

    init(_ diagnostics: [Diagnostic], pathPrefix: String) {
        self.diagnostics = diagnostics.map {
            Entry(code: $0.code.rawValue, severity: $0.severity.rawValue, file: pathPrefix + $0.file, line: $0.location?.line,
                  column: $0.location?.column, path: $0.path, message: $0.message, hint: $0.hint)
        }
        errors = diagnostics.filter { $0.severity == .error }.count
        warnings = diagnostics.count - errors
    }

    /// One line of JSON.
    func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
