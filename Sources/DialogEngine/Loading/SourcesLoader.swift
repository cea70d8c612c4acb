/// Reads `sources.json`: the citable references answers point to.
enum SourcesLoader {
    static let file = "sources.json"

    static func load(_ json: JSONValue, context: LoadContext) -> [String: Source] {
        let file = Self.file
        guard context.checkObject(json, file: file, what: "the sources file", allowed: ["sources"], required: ["sources"]),
              let table = json["sources"] else { return [:] }
        guard let members = table.members else {
            context.report(.wrongType("'sources'", expected: "an object of sources by id", found: table.typeName), file: file, value: table)
            return [:]
        }
        var sources: [String: Source] = [:]
        for member in members where member.key != "$comment" {
            let value = member.value
            let origin = context.origin(file, member.keyLocation)
            if sources[member.key] != nil {
                context.report(.definedTwice(kind: "source", id: member.key), at: origin)
                continue
            }
            if !LoadContext.isIdentifier(member.key) {
                context.report(.invalidID("source id", id: member.key), at: origin)
            }
            let what = "source '\(member.key)'"
            guard context.checkObject(value, file: file, what: what, allowed: ["title", "publisher", "url", "checked", "language"],
                                      required: ["title", "publisher", "checked"]) else { continue }
            // Titles and publishers are shown to readers, so they are written in every language.
            let title = context.text(value["title"], file: file, what: "the title of \(what)")
            let publisher = context.text(value["publisher"], file: file, what: "the publisher of \(what)")
            let url = context.string(value["url"], file: file, what: "the url of \(what)")
            if let url, let urlValue = value["url"], !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                context.report(.badURL(of: what), file: file, value: urlValue)
            }
            let checked = context.string(value["checked"], file: file, what: "the date \(what) was checked")
            if let checked, let checkedValue = value["checked"], !isDate(checked) {
                context.report(.notADate(checked), file: file, value: checkedValue)
            }
            _ = context.string(value["language"], file: file, what: "the language of \(what)")
            guard let title, let publisher, let checked else {
                context.unavailable.insert("source:\(member.key)")
                continue
            }
            sources[member.key] = Source(id: member.key, title: title, publisher: publisher, url: url, checked: checked, origin: origin)
        }
        return sources
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
