/// The language to start in: `--lang`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`; `nl_NL`
/// means `nl` when the bundle has it), else English.
enum LanguagePreference {
    static func resolve(requested: String?, environment: [String: String], languages: [String] = ["nl", "en"]) -> String {
        if let requested { return requested.lowercased() }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            let code = value.lowercased().prefix { $0.isLetter }
            return languages.first { $0 == code } ?? "en"
        }
        return "en"
    }
}
