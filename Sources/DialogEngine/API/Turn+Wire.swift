#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The JSON form of a turn: the one wire format of `chat --json` and the HTTP API.
///
/// The expectation is flattened (`"expects": "number", "min": 1, "max": 10`) and the outcome is
/// its raw value, so clients read plain fields. A new field of ``Turn`` gets a key here, in both
/// directions, and in `Sources/SecondOpinionServer/Resources/openapi.yaml`'s `Turn` schema (a test checks the two agree).
extension Turn {
    /// The keys of the wire form, in the order they are documented.
    public enum WireKey: String, CodingKey, CaseIterable, Sendable {
        case flow, node, language, messages, question, choices, expects, min, max, sources, plan, ended, outcome, events, routing, handoff
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: WireKey.self)
        try container.encode(flow, forKey: .flow)
        try container.encode(node, forKey: .node)
        try container.encode(language, forKey: .language)
        try container.encode(messages, forKey: .messages)
        try container.encodeIfPresent(question, forKey: .question)
        try container.encode(choices, forKey: .choices)
        try container.encode(expects.kind, forKey: .expects)
        try container.encodeIfPresent(expects.minimum, forKey: .min)
        try container.encodeIfPresent(expects.maximum, forKey: .max)
        try container.encode(sources, forKey: .sources)
        try container.encode(plan, forKey: .plan)
        try container.encode(ended, forKey: .ended)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(events, forKey: .events)
        try container.encodeIfPresent(routing, forKey: .routing)
        try container.encodeIfPresent(handoff, forKey: .handoff)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: WireKey.self)
        self.init(
            flow: try container.decode(String.self, forKey: .flow),
            node: try container.decode(String.self, forKey: .node),
            // Turns stored before the field existed have none: the reader fills it in.
            language: try container.decodeIfPresent(String.self, forKey: .language) ?? "",
            messages: try container.decode([String].self, forKey: .messages),
            question: try container.decodeIfPresent(String.self, forKey: .question),
            choices: try container.decode([Choice].self, forKey: .choices),
            expects: Expectation(
                kind: try container.decode(Expectation.Kind.self, forKey: .expects),
                minimum: try container.decodeIfPresent(Double.self, forKey: .min),
                maximum: try container.decodeIfPresent(Double.self, forKey: .max)),
            sources: try container.decode([SourceReference].self, forKey: .sources),
            plan: try container.decode([PlanEntry].self, forKey: .plan),
            ended: try container.decode(Bool.self, forKey: .ended),
            outcome: try container.decode(Outcome.self, forKey: .outcome),
            events: try container.decode([DialogEvent].self, forKey: .events),
            routing: try container.decodeIfPresent(Routing.self, forKey: .routing),
            handoff: try container.decodeIfPresent(Handoff.self, forKey: .handoff))
    }

    /// The turn as one line of wire JSON: keys sorted, slashes unescaped, no trailing newline.
    /// Byte for byte what ``wireEncoder`` makes, written directly (see `Turn+JSONWriting.swift`).
    public func wireJSON() throws -> Data {
        var writer = JSONWriter()
        try write(to: &writer)
        return Data(writer.bytes)
    }

    /// The encoder settings of the wire form, for front ends that embed a turn in a larger object.
    public static var wireEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
