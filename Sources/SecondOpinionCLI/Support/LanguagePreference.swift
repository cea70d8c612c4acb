/// The language to start in: `--lang`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`; `nl*`
/// means Dutch), else English.
enum LanguagePreference {
    static func resolve(requested: String?, environment: [String: String]) -> String {
        if let requested { return requested.lowercased() }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("nl") ? "nl" : "en"
        }
        return "en"
    }
}
