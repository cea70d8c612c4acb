/// The language to start in: `--lang`, else the locale (the first of `LC_ALL`, `LC_MESSAGES` and
/// `LANG` that is set; `nl_NL.UTF-8` means `nl` when the bundle has it), else the bundle's
/// default language, also when the locale names a language the bundle lacks (or is `C`).
enum LanguagePreference {
    static func resolve(requested: String?, environment: [String: String], languages: [String], defaultLanguage: String) -> String {
        if let requested { return requested.lowercased() }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            let code = value.lowercased().prefix { $0.isLetter }
            return languages.first { $0 == code } ?? defaultLanguage
        }
        return defaultLanguage
    }
}
