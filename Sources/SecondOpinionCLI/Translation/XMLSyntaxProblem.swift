import Foundation

/// What an XML syntax error means for a translator editing the file by hand. Foundation's own
/// text for these is only "The operation could not be completed" with an error number; the
/// numbers are libxml2's (the same as `XMLParser.ErrorCode`'s raw values).
enum XMLSyntaxProblem {
    static func describe(_ error: any Error) -> String {
        let code = (error as NSError).code
        switch code {
        case 14, 22, 23, 24, 25, 26, 27:
            return "a '&' must start &amp;, &lt;, &gt;, &quot; or &apos; (write &amp; for the character itself)"
        case 68:  // a name was expected: after '&', or after a '<' that starts no tag
            return "a '&' or '<' in text must be written &amp; or &lt;"
        case 73, 74, 76, 77:
            return "a tag is not closed as it was opened (every <tag> needs its own </tag>)"
        case 5:
            return "the file does not end with </xliff>, or has more after it"
        case 3, 4, 56, 57:
            return "the file does not start as XML (<?xml ...?> or <xliff ...>)"
        case 38:
            return "an attribute's value cannot hold '<' (write &lt;)"
        case 39, 40, 41, 43, 44:
            return "an attribute's value must be in quotes, like id=\"value\""
        case 42:
            return "an attribute is written twice in one tag"
        case 6, 7, 8, 9:
            return "the file holds a character XML does not allow"
        default:
            return "XML error \(code)"
        }
    }
}
