/// One case of a branch: when the condition holds, go to `next`.
struct BranchCase: Sendable {
    var condition: Condition
    var next: NodeReference
}
