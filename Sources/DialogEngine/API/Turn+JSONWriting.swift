/// The wire form of a turn written straight into bytes (see ``JSONWriter``): the same JSON as
/// `Turn.wireEncoder` makes from the `Codable` form, keys sorted the same way, in a fraction of
/// the time. A new field of ``Turn`` is written here too (a test compares the two forms).
extension Turn {
    package func write(to writer: inout JSONWriter) throws(JSONWriter.InvalidValue) {
        writer.beginObject()
        writer.key("choices")
        writer.beginArray()
        for choice in choices { choice.write(to: &writer) }
        writer.endArray()
        writer.field("ended", ended)
        writer.key("events")
        writer.beginArray()
        for event in events { try event.write(to: &writer) }
        writer.endArray()
        writer.field("expects", expects.kind.rawValue)
        writer.field("flow", flow)
        if let handoff {
            writer.key("handoff")
            handoff.write(to: &writer)
        }
        writer.field("language", language)
        try writer.field("max", expects.maximum)
        writer.field("messages", messages)
        try writer.field("min", expects.minimum)
        writer.field("node", node)
        writer.field("outcome", outcome.rawValue)
        writer.key("plan")
        writer.beginArray()
        for entry in plan { entry.write(to: &writer) }
        writer.endArray()
        writer.field("question", question)
        if let routing {
            writer.key("routing")
            try routing.write(to: &writer)
        }
        writer.key("sources")
        SourceReference.write(sources, to: &writer)
        writer.endObject()
    }
}

extension Turn.Choice {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("id", id)
        writer.field("label", label)
        writer.field("number", number)
        writer.endObject()
    }
}

extension Turn.Handoff {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("interrupt", interrupt)
        writer.field("reason", reason.rawValue)
        writer.endObject()
    }
}

extension SourceReference {
    static func write(_ sources: [SourceReference], to writer: inout JSONWriter) {
        writer.beginArray()
        for source in sources {
            writer.beginObject()
            writer.field("checked", source.checked)
            writer.field("id", source.id)
            writer.field("publisher", source.publisher)
            writer.field("title", source.title)
            writer.field("url", source.url)
            writer.endObject()
        }
        writer.endArray()
    }
}

extension PlanEntry {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("id", id)
        writer.key("sources")
        SourceReference.write(sources, to: &writer)
        writer.field("text", text)
        writer.endObject()
    }
}

extension DialogEvent {
    func write(to writer: inout JSONWriter) throws(JSONWriter.InvalidValue) {
        writer.beginObject()
        writer.field("answer", answer)
        writer.field("flow", flow)
        writer.field("kind", kind.rawValue)
        writer.field("node", node)
        writer.field("planItem", planItem)
        if let value {
            writer.key("value")
            try value.write(to: &writer)
        }
        writer.field("variable", variable)
        writer.endObject()
    }
}

extension Routing {
    func write(to writer: inout JSONWriter) throws(JSONWriter.InvalidValue) {
        writer.beginObject()
        writer.key("candidates")
        writer.beginArray()
        for candidate in candidates {
            writer.beginObject()
            writer.field("id", candidate.id)
            try writer.field("score", candidate.score)
            writer.endObject()
        }
        writer.endArray()
        writer.field("decision", decision.rawValue)
        writer.field("topic", topic)
        writer.endObject()
    }
}

extension DialogValue {
    func write(to writer: inout JSONWriter) throws(JSONWriter.InvalidValue) {
        switch self {
        case .bool(let flag): writer.value(flag)
        case .number(let number): try writer.value(number)
        case .text(let text): writer.value(text)
        }
    }
}
