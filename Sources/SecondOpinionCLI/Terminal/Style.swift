/// ANSI styling, on only when the output is a terminal that wants it.
struct Style: Sendable {
    var enabled: Bool

    /// Colour unless `NO_COLOR` is set (to anything), `TERM` is `dumb`, or output is not a TTY.
    static func detect(environment: [String: String], outputIsTerminal: Bool) -> Style {
        Style(enabled: outputIsTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb")
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func accent(_ text: String) -> String { wrap(text, "36") }
    func warning(_ text: String) -> String { wrap(text, "33") }
    func success(_ text: String) -> String { wrap(text, "32") }
}
