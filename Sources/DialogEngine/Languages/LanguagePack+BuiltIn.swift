extension LanguagePack {
    /// The packs the engine ships, by language code.
    static let builtIn: [String: LanguagePack] = {
        var packs: [String: LanguagePack] = [:]
        for (file, text) in [("nl.json", dutchJSON), ("en.json", englishJSON)] {
            let context = LoadContext()
            context.sources = ["languages/\(file)": text]
            // A shipped pack that does not read is a mistake in this source file, caught by the tests.
            guard let json = try? JSONReader.parse(text), let pack = LanguagePackLoader.load(json, file: "languages/\(file)", context: context),
                  context.diagnostics.isEmpty else { continue }
            packs[pack.language] = pack
        }
        return packs
    }()

    /// The pack the engine ships for `language`, if it ships one (`nl` and `en`).
    public static func shipped(_ language: String) -> LanguagePack? { builtIn[language] }

    /// English, where there is no pack to use: for a session in a language the bundle lacks, and
    /// for the checks that go on after a declared language without a pack was reported (DLG015).
    static var fallback: LanguagePack { builtIn["en"]! }
}
