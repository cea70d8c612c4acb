/// A next step for the person's action plan.
struct PlanItem: Sendable {
    var id: String
    var text: LocalizedText
    var sources: [String]
    var origin: Origin
}
