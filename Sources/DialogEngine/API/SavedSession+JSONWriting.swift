import DequeModule
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HashTreeCollections

/// A saved session written straight into compact JSON (see ``JSONWriter``): the same JSON as its
/// `Codable` form with a default `JSONEncoder` (nil fields left out, dates as seconds since 2001),
/// so `JSONDecoder` and ``DialogEngine/restore(_:)`` read it unchanged, and earlier saves still
/// load. A new field of ``DialogSession`` is written here too (a test compares the two forms).
extension SavedSession {
    /// The save as compact JSON, for stores that write it on every turn.
    package func write(to writer: inout JSONWriter) throws(JSONWriter.InvalidValue) {
        writer.beginObject()
        writer.field("format", format)
        writer.field("bundleID", bundleID)
        writer.field("bundleVersion", bundleVersion)
        writer.key("session")
        try session.write(to: &writer)
        writer.endObject()
    }
}

extension DialogSession {
    func write(to writer: inout JSONWriter) throws(JSONWriter.InvalidValue) {
        writer.beginObject()
        writer.field("language", language)
        writer.field("position", position)
        writer.field("callStack", callStack)
        writer.key("variables")
        try Self.write(variableValues, to: &writer)
        writer.key("plan")
        PlanMark.write(plan, to: &writer)
        writer.key("history")
        writer.beginArray()
        for checkpoint in history { try checkpoint.write(to: &writer) }
        writer.endArray()
        writer.key("transcript")
        writer.beginArray()
        for entry in lines { entry.write(to: &writer) }
        writer.endArray()
        writer.field("offeredFlow", offeredFlow)
        writer.field("offeredTopics", offeredTopics)
        writer.field("offeredLanguage", offeredLanguage)
        if let offeredChoice {
            writer.key("offeredChoice")
            writer.beginObject()
            writer.field("node", offeredChoice.node)
            writer.field("choice", offeredChoice.choice)
            writer.endObject()
        }
        writer.field("mentions", mentions)
        writer.field("misses", misses)
        writer.field("ended", ended)
        try writer.field("startedAt", startedAt?.timeIntervalSinceReferenceDate)
        writer.field("visited", visited)
        if let answers {
            writer.key("answers")
            writer.beginArray()
            for answer in answers { try answer.write(to: &writer) }
            writer.endArray()
        }
        writer.field("factsShown", factsShown)
        writer.field("failures", failures)
        if let lastHandoff {
            writer.key("lastHandoff")
            lastHandoff.write(to: &writer)
        }
        writer.endObject()
    }

    static func write(_ variables: Variables, to writer: inout JSONWriter) throws(JSONWriter.InvalidValue) {
        writer.beginObject()
        for (name, value) in variables {
            writer.key(name)
            try value.write(to: &writer)
        }
        writer.endObject()
    }
}

extension DialogSession.Checkpoint {
    func write(to writer: inout JSONWriter) throws(JSONWriter.InvalidValue) {
        writer.beginObject()
        writer.field("position", position)
        writer.field("callStack", callStack)
        writer.key("variables")
        try DialogSession.write(variables, to: &writer)
        writer.key("plan")
        DialogSession.PlanMark.write(plan, to: &writer)
        writer.field("ended", ended)
        writer.field("answerCount", answerCount)
        writer.endObject()
    }
}

extension DialogSession.PlanMark {
    static func write(_ plan: [Self], to writer: inout JSONWriter) {
        writer.beginArray()
        for mark in plan {
            writer.beginObject()
            writer.field("item", mark.item)
            writer.field("node", mark.node)
            writer.endObject()
        }
        writer.endArray()
    }
}

extension DialogSession.AnswerMark {
    func write(to writer: inout JSONWriter) throws(JSONWriter.InvalidValue) {
        writer.beginObject()
        writer.field("node", node)
        writer.field("choice", choice)
        if let value {
            writer.key("value")
            try value.write(to: &writer)
        }
        writer.endObject()
    }
}

extension TranscriptEntry {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("speaker", speaker.rawValue)
        writer.field("text", text)
        writer.field("omittedCount", omittedCount)
        writer.endObject()
    }
}
