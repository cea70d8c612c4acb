import DialogEngine
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the translations back from an XLIFF 2.0 file: per unit, the text of its targets, with
/// where the unit starts, so problems point at the line a translator can open.
struct XLIFFReader {
    /// What the file holds.
    struct Result {
        var sourceLanguage: String
        var targetLanguage: String
        var translations: [TranslatedText]
    }

    static func read(_ data: Data) throws(TranslationError) -> Result {
        let parser = XMLParser(data: data)
        let delegate = Delegate()
        parser.delegate = delegate
        parser.shouldProcessNamespaces = true
        let parsed = parser.parse()
        if let problem = delegate.problem { throw problem }
        // Some XMLParser builds recover from errors silently: a document must also end its root.
        guard parsed, delegate.syntaxError == nil, delegate.root == nil || delegate.closed else {
            if let error = delegate.syntaxError { throw error }
            let reason = parser.parserError.map(XMLSyntaxProblem.describe) ?? "the file ends before </xliff>"
            throw TranslationError(line: delegate.last.line, column: delegate.last.column, message: "malformed XML: \(reason)")
        }
        guard let root = delegate.root else {
            throw TranslationError(line: 1, column: 1, message: "no <xliff> element: this is not an XLIFF 2.0 file")
        }
        return Result(sourceLanguage: root.source, targetLanguage: root.target, translations: delegate.translations)
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var root: (source: String, target: String)?
        var translations: [TranslatedText] = []
        var problem: TranslationError?
        var syntaxError: TranslationError?
        /// Whether `</xliff>` was read.
        var closed = false
        /// Where the parser last reported something, for an error found only at the end.
        var last = (line: 1, column: 1)

        func parser(_ parser: XMLParser, parseErrorOccurred error: any Error) {
            let reason = XMLSyntaxProblem.describe(error)
            syntaxError = syntaxError ?? TranslationError(line: parser.lineNumber, column: parser.columnNumber, message: "malformed XML: \(reason)")
        }
        private var file: String?
        private var unit: (id: String, line: Int, column: Int, text: String?)?
        private var inTarget = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let here = (parser.lineNumber, parser.columnNumber)
            last = here
            func fail(_ message: String) {
                problem = problem ?? TranslationError(line: here.0, column: here.1, message: message)
                parser.abortParsing()
            }
            if root == nil {
                guard name == "xliff", namespaceURI == XLIFFDocument.namespace, attributes["version"]?.hasPrefix("2.") == true else {
                    return fail("expected <xliff version=\"2.0\" xmlns=\"\(XLIFFDocument.namespace)\">, found <\(name)>")
                }
                guard let source = attributes["srcLang"], let target = attributes["trgLang"] else {
                    return fail("<xliff> needs srcLang and trgLang")
                }
                root = (source, target)
                return
            }
            if inTarget { return fail("unexpected <\(name)> inside <target>: write placeholders as {name}, as in the source") }
            switch name {
            case "file":
                file = attributes["original"] ?? attributes["id"].flatMap(XLIFFDocument.untoken)
            case "unit":
                guard let file, let token = attributes["id"], let path = XLIFFDocument.untoken(token) else {
                    return fail("a <unit> needs an id inside a <file> with an 'original'")
                }
                unit = ("\(file)#\(path)", here.0, here.1, nil)
            case "target":
                inTarget = true
                if unit?.text == nil { unit?.text = "" }
            default:
                return
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            last = (parser.lineNumber, parser.columnNumber)
            if inTarget { unit?.text? += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "target": inTarget = false
            case "unit":
                if let unit, let text = unit.text {
                    translations.append(TranslatedText(id: unit.id, text: text, line: unit.line, column: unit.column))
                }
                unit = nil
            case "file": file = nil
            case "xliff": closed = true
            default: return
            }
        }
    }
}
