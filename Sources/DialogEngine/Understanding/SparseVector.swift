/// A vector that stores only its non-zero entries, each column once.
struct SparseVector: Sendable, Equatable {
    var columns: [Int32] = []
    var values: [Double] = []

    /// The squared length.
    var squaredNorm: Double { values.reduce(0) { $0 + $1 * $1 } }
}
