import Synchronization

/// The bundle's classifier, trained the first time a message needs it and then shared by every
/// copy of the bundle: loading and validating never pay for training, and concurrent first
/// messages train it once.
final class TrainedOnFirstUse: Sendable {
    private let train: @Sendable () -> TopicClassifier
    private let trained = Mutex<TopicClassifier?>(nil)

    init(_ train: @escaping @Sendable () -> TopicClassifier) { self.train = train }

    var classifier: TopicClassifier {
        trained.withLock { stored in
            if let stored { return stored }
            let fresh = train()
            stored = fresh
            return fresh
        }
    }
}
