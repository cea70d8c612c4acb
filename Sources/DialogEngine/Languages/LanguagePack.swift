/// One language's words: the engine's own messages (and its front ends'), the words that answer
/// yes or no, stop words, command names and how numbers are written.
///
/// The engine ships packs for `nl` and `en`; a bundle adds a pack for another language, or
/// changes entries of a shipped one, with a file `languages/CODE.json` in the same format.
/// A conversation matches typed words with its own language's pack and the packs it lists in
/// `alsoUnderstands`, so a third language's words never change how Dutch or English is read.
public struct LanguagePack: Sendable {
    /// The entries, behind one reference: a pack is handed around on every turn (each text
    /// rendered, each engine message), and copying one reference costs less than eight.
    private final class Storage: Sendable {
        let entries: Entries
        /// The messages, cut at their placeholders.
        let templates: [String: MessageTemplate]
        init(_ entries: Entries) {
            self.entries = entries
            templates = entries.messages.mapValues(MessageTemplate.init)
        }
    }

    private struct Entries: Sendable {
        var language: String
        var alsoUnderstands: [String]
        var decimalSeparator: String
        var messages: [String: String]
        var words: [String: [String]]
        var commands: [String: [String]]
        var languageCommands: [String: [String]]
        var languageNames: [String: [String]]
    }

    private var storage: Storage

    init(language: String, alsoUnderstands: [String], decimalSeparator: String, messages: [String: String], words: [String: [String]],
         commands: [String: [String]], languageCommands: [String: [String]], languageNames: [String: [String]]) {
        storage = Storage(Entries(language: language, alsoUnderstands: alsoUnderstands, decimalSeparator: decimalSeparator, messages: messages,
                                  words: words, commands: commands, languageCommands: languageCommands, languageNames: languageNames))
    }

    /// Packs change only while they are loaded and laid over each other: each change makes new
    /// entries.
    private mutating func change(_ edit: (inout Entries) -> Void) {
        var entries = storage.entries
        edit(&entries)
        storage = Storage(entries)
    }

    /// The language code, for example `nl`.
    public var language: String { storage.entries.language }
    /// Languages whose words are understood too in a conversation in this language (people
    /// often type English words in a Dutch conversation).
    var alsoUnderstands: [String] { storage.entries.alsoUnderstands }
    /// Written between the whole part and the fraction of a number: `,` in Dutch.
    var decimalSeparator: String { storage.entries.decimalSeparator }
    /// Messages by key, with `{name}` placeholders.
    var messages: [String: String] { storage.entries.messages }
    /// Word lists by name (`yes`, `no`, `stop`, …); see ``LanguageWords``.
    var words: [String: [String]] { storage.entries.words }
    /// Command words by command name (`help`, `back`, …).
    var commands: [String: [String]] { storage.entries.commands }
    /// Whole messages that switch to a language, by its code ("english" → `en`).
    var languageCommands: [String: [String]] { storage.entries.languageCommands }
    /// How this language names languages, by code, to notice "english please" in a message.
    var languageNames: [String: [String]] { storage.entries.languageNames }

    /// The message `key` with each `{name}` replaced by its value; the key itself when the pack
    /// has no such message, which a loaded bundle rules out for the engine's own keys.
    public func message(_ key: String, _ values: [String: String] = [:]) -> String {
        storage.templates[key]?.filled(with: values) ?? key
    }

    /// The message `key` with each `{name}` replaced by `value`, without a dictionary to build.
    func message(_ key: String, _ name: String, _ value: String) -> String {
        storage.templates[key]?.filled { $0 == name ? value : nil } ?? key
    }

    /// A number written the way this language writes it, with no needless `.0`.
    public func format(_ number: Double) -> String {
        DialogValue.number(number).formatted(decimalSeparator: decimalSeparator)
    }

    /// The words this pack gives the command `name` (`help`, `save`, …), most usual first.
    public func commandWords(_ name: String) -> [String] { commands[name] ?? [] }

    /// The words of the lists named `name`.
    func words(_ name: String) -> [String] { words[name] ?? [] }

    /// This pack with `other`'s entries laid over it: each message `other` has replaces this
    /// one's, each word list it has is added to this one's.
    func overlaid(with other: LanguagePack) -> LanguagePack {
        var result = self
        result.change { entries in
            let extra = other.storage.entries
            entries.alsoUnderstands = extra.alsoUnderstands.isEmpty ? entries.alsoUnderstands : extra.alsoUnderstands
            entries.decimalSeparator = extra.decimalSeparator.isEmpty ? entries.decimalSeparator : extra.decimalSeparator
            entries.messages.merge(extra.messages) { $1 }
            func add(_ lists: inout [String: [String]], _ extra: [String: [String]]) {
                for (name, words) in extra { lists[name, default: []] += words.filter { !lists[name, default: []].contains($0) } }
            }
            add(&entries.words, extra.words)
            add(&entries.commands, extra.commands)
            add(&entries.languageCommands, extra.languageCommands)
            add(&entries.languageNames, extra.languageNames)
        }
        return result
    }
}
