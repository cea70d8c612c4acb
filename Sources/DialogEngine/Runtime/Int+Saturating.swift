extension Int {
    /// `self + other`, stopping at the largest or smallest `Int` instead of trapping: counters
    /// that come from a saved session must never crash the process.
    func addingSaturating(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }
}
