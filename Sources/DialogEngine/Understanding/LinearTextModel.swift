/// Text in, one score per class out: TF-IDF features (``FeatureSpace``) under one-vs-rest linear
/// SVMs (``LinearSVM``).
struct LinearTextModel: Sendable {
    let space: FeatureSpace
    let machine: LinearSVM

    /// Trains on messages labelled with class indices `0..<classCount`; also returns each
    /// message's n-gram counts, for models that learn from the same columns.
    static func train(_ messages: [TextFeatures], labels: [Int], classCount: Int) -> (LinearTextModel, [FeatureSpace.Counts]) {
        let (space, counts) = FeatureSpace.train(messages)
        let machine = LinearSVM(vectors: counts.map(space.vector), labels: labels, classCount: classCount, featureCount: space.count)
        return (LinearTextModel(space: space, machine: machine), counts)
    }

    /// The score of every class, or nil when no n-gram of the message was seen in training.
    func scores(_ counts: FeatureSpace.Counts) -> [Double]? {
        counts.columns.isEmpty ? nil : machine.scores(space.vector(counts))
    }
}
