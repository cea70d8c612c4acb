/// A loaded, checked bundle with every name resolved to an index, ready to run turns without
/// parsing or searching.
struct CompiledBundle: Sendable {
    var id: String
    var version: String
    var title: LocalizedText?
    var languages: [String]
    var defaultLanguage: String
    var entryFlow: Int
    var menuNode: Int
    var flows: [Flow]
    var nodes: [Node]
    var variables: [String: VariableDeclaration]
    var sources: [String: Source]
    var facts: [String: Fact]
    var interrupts: [Interrupt]
    /// Messages the bundle does not cover (small talk, other questions), per language.
    var outOfScopeExamples: [String: [String]] = [:]
    var outOfScopeOrigins: ExampleOrigins?
    /// What is said when the person is handed to a human; nil without `handoff.json`.
    var handoff: HandoffContent?

    /// Whether each node can be reached from an entry point (set by validation).
    var reachable: [Bool] = []
    /// `flow:node` to node index.
    var nodeIndex: [String: Int] = [:]
    var flowIndex: [String: Int] = [:]
    /// Per ask or oneOf-input node: the phrases of its choices (target = choice index).
    var answerIndexes: [Int: PhraseIndex] = [:]
    /// Trigger phrases of interrupts (target = interrupt index).
    var interruptKeywords = KeywordSpotter()
    /// Per question marked `fill`: the phrases that answer it when found in earlier messages
    /// (target = choice or option index; for yes/no, 0 is yes and 1 is no).
    var fillPhrases: [Int: [(target: Int, phrase: [String])]] = [:]
    /// Tells what free text is about; set up once the bundle is linked, trained on first use.
    var understanding: TrainedOnFirstUse?

    var classifier: TopicClassifier? { understanding?.classifier }

    func node(flow: String, id: String) -> Int? { nodeIndex["\(flow):\(id)"] }

    func qualifiedID(of node: Int) -> String { "\(flows[nodes[node].flow].id):\(nodes[node].id)" }
}
