import Dispatch

/// One-vs-rest linear support vector machines with squared hinge loss, trained by dual coordinate
/// descent with shrinking (Hsieh et al., 2008, the method of LIBLINEAR), with balanced class
/// weights: a class with few examples counts as much as one with many.
///
/// Deterministic: the examples are visited in an order drawn from a fixed-seed generator, and all
/// arithmetic is plain `Double` in a fixed order, so the same data gives the same weights on every
/// machine.
struct LinearSVM: Sendable {
    /// Weights stored feature-major (`weights[column * classCount + class]`), so scoring a sparse
    /// message reads a few short runs of memory.
    private(set) var weights: [Double]
    private(set) var bias: [Double]
    let classCount: Int

    /// Training settings; the defaults are LIBLINEAR's.
    struct Settings {
        /// The cost of a margin violation (larger fits the training data more tightly).
        var cost = 1.0
        /// Stop when the projected gradients of a pass lie within this band.
        var tolerance = 0.1
        var maximumPasses = 1000
    }

    /// Trains one machine per class on `vectors` labelled with class indices `0..<classCount`.
    init(vectors: [SparseVector], labels: [Int], classCount: Int, featureCount: Int, settings: Settings = Settings()) {
        self.classCount = classCount
        var weights = Array(repeating: 0.0, count: featureCount * classCount)
        var bias = Array(repeating: 0.0, count: classCount)
        let rows = SparseRows(vectors)
        let perClass = labels.reduce(into: Array(repeating: 0, count: classCount)) { $0[$1] += 1 }
        let classWeight = perClass.map { $0 > 0 ? Double(labels.count) / Double(classCount * $0) : 0 }
        // The classes are independent problems: solved side by side, each into its own buffer,
        // so the result does not depend on which finishes first.
        let solved = UnsafeMutableBufferPointer<Double>.allocate(capacity: featureCount * classCount)
        let intercepts = UnsafeMutableBufferPointer<Double>.allocate(capacity: classCount)
        defer { solved.deallocate(); intercepts.deallocate() }
        solved.initialize(repeating: 0)
        intercepts.initialize(repeating: 0)
        nonisolated(unsafe) let solvedWeights = solved
        nonisolated(unsafe) let solvedIntercepts = intercepts
        DispatchQueue.concurrentPerform(iterations: classCount) { target in
            guard perClass[target] > 0 else { return }
            let signs = labels.map { $0 == target ? 1.0 : -1.0 }
            // The bias is learned as the weight of a constant feature 1, as LIBLINEAR does.
            let diagonal = labels.map { 0.5 / (settings.cost * classWeight[$0]) }
            let w = UnsafeMutableBufferPointer(rebasing: solvedWeights[(target * featureCount)..<((target + 1) * featureCount)])
            solvedIntercepts[target] = Self.solve(rows: rows, signs: signs, diagonal: diagonal, weights: w,
                                                  seed: 0x5EC0_0D0B &+ UInt64(target), settings: settings)
        }
        for target in 0..<classCount {
            for column in 0..<featureCount { weights[column * classCount + target] = solved[target * featureCount + column] }
            bias[target] = intercepts[target]
        }
        self.weights = weights
        self.bias = bias
    }

    /// Dual coordinate descent for one binary problem; leaves the weights in `w` and returns the
    /// bias. Examples whose dual variable sits at 0 with a gradient far past the margin are set
    /// aside (shrinking) until the end, when every example is checked once more.
    private static func solve(rows: SparseRows, signs: [Double], diagonal: [Double], weights w: UnsafeMutableBufferPointer<Double>,
                              seed: UInt64, settings: Settings) -> Double {
        for index in w.indices { w[index] = 0 }
        let count = signs.count
        var alpha = Array(repeating: 0.0, count: count)
        var active = Array(0..<count)
        var activeCount = count
        var random = SplitMix64(seed: seed)
        var bias = 0.0
        var previousMax = Double.infinity
        return rows.columns.withUnsafeBufferPointer { columns in
            rows.values.withUnsafeBufferPointer { values in
                let quadratic = (0..<count).map { rows.squaredNorm(of: $0, values: values) + 1 + diagonal[$0] }
                for _ in 0..<settings.maximumPasses {
                    random.shuffle(&active, count: activeCount)
                    var largest = -Double.infinity
                    var smallest = Double.infinity
                    var position = 0
                    while position < activeCount {
                        let example = active[position]
                        let start = rows.offsets[example], end = rows.offsets[example + 1]
                        var dot = bias
                        for entry in start..<end { dot += w[Int(columns[entry])] * values[entry] }
                        let sign = signs[example]
                        let gradient = sign * dot - 1 + diagonal[example] * alpha[example]
                        var projected = gradient
                        if alpha[example] == 0 {
                            if gradient > previousMax {
                                activeCount -= 1
                                active.swapAt(position, activeCount)
                                continue
                            }
                            projected = min(gradient, 0)
                        }
                        largest = max(largest, projected)
                        smallest = min(smallest, projected)
                        position += 1
                        guard abs(projected) > 1e-12 else { continue }
                        let old = alpha[example]
                        alpha[example] = max(old - gradient / quadratic[example], 0)
                        let step = (alpha[example] - old) * sign
                        for entry in start..<end { w[Int(columns[entry])] += step * values[entry] }
                        bias += step
                    }
                    if largest - smallest <= settings.tolerance {
                        if activeCount == count { break }
                        // Converged on the active set: check everything once more.
                        activeCount = count
                        previousMax = .infinity
                        continue
                    }
                    previousMax = largest > 0 ? largest : .infinity
                }
                return bias
            }
        }
    }

    /// The decision value of every class for `vector`: above 0 means "this class" for its machine.
    func scores(_ vector: SparseVector) -> [Double] {
        var result = bias
        weights.withUnsafeBufferPointer { weights in
            for entry in vector.columns.indices {
                let base = Int(vector.columns[entry]) * classCount
                let value = vector.values[entry]
                for target in 0..<classCount { result[target] += weights[base + target] * value }
            }
        }
        return result
    }
}

/// Sparse vectors packed into three flat arrays (compressed sparse rows), for fast passes.
struct SparseRows {
    var offsets: [Int] = [0]
    var columns: [Int32] = []
    var values: [Double] = []

    init(_ vectors: [SparseVector]) {
        for vector in vectors {
            columns += vector.columns
            values += vector.values
            offsets.append(columns.count)
        }
    }

    func squaredNorm(of row: Int, values: UnsafeBufferPointer<Double>) -> Double {
        var sum = 0.0
        for entry in offsets[row]..<offsets[row + 1] { sum += values[entry] * values[entry] }
        return sum
    }
}

/// A small, fast, seeded random number generator (Steele, Lea and Flood's SplitMix64), so that
/// training visits examples in the same order everywhere.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Fisher–Yates over the first `count` elements with this generator (the standard library's
    /// shuffle may change between versions).
    mutating func shuffle<T>(_ array: inout [T], count: Int) {
        guard count > 1 else { return }
        for index in stride(from: count - 1, to: 0, by: -1) {
            let other = Int(next() % UInt64(index + 1))
            array.swapAt(index, other)
        }
    }
}
