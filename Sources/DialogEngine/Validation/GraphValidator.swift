/// Checks the shape of the conversation graph once every name is resolved: nodes nobody can
/// reach, loops that never wait for the person, variables read before anything set them, and
/// texts without sources.
struct GraphValidator {
    let bundle: CompiledBundle
    let context: LoadContext

    /// One way on from a node, with the variables that taking it sets.
    struct Edge {
        var target: Int
        var assigns: [String]
    }

    /// Runs every check and returns which nodes are reachable.
    func validate() -> [Bool] {
        let edges = self.edges()
        let entries = entryPoints()
        let reached = checkReachability(edges: edges, entries: entries)
        checkCycles(edges: edges)
        checkCallCycles()
        checkReadBeforeSet(edges: edges, entries: entries)
        checkSources()
        return reached
    }

    /// Flows that call each other in a circle: a call waits for its flow to end, so such calls
    /// never come back. Reported once per circle, at the call that starts it in file order.
    func checkCallCycles() {
        // The call nodes of each flow, by the flow they call.
        var calls = [[(node: Int, callee: Int)]](repeating: [], count: bundle.flows.count)
        for (index, node) in bundle.nodes.enumerated() {
            if case .call(let callee, _) = node.kind, callee.target >= 0 {
                calls[node.flow].append((index, callee.target))
            }
        }
        var reported = Set<[Int]>()
        for first in bundle.flows.indices {
            // Depth-first from `first`, looking for a way back to it.
            var path: [(flow: Int, call: Int)] = []
            var visited = Set<Int>()
            func search(_ flow: Int) -> Bool {
                for call in calls[flow] {
                    path.append((flow, call.node))
                    if call.callee == first { return true }
                    if !visited.contains(call.callee) {
                        visited.insert(call.callee)
                        if search(call.callee) { return true }
                    }
                    path.removeLast()
                }
                return false
            }
            guard search(first) else { continue }
            let circle = path.map(\.flow)
            guard reported.insert(circle.sorted()).inserted else { continue }
            let names = (circle + [first]).map { bundle.flows[$0].id }
            let origin = bundle.nodes[path[0].call].origin
            context.report(.callCycle(names, back: bundle.flows[first].id), at: origin)
        }
    }

    func entryPoints() -> [Int] {
        var entries = [bundle.menuNode, bundle.flows[bundle.entryFlow].start.target]
        entries += bundle.flows.filter(\.listed).map(\.start.target)
        return entries.filter { $0 >= 0 }
    }

    func edges() -> [[Edge]] {
        var edges = [[Edge]](repeating: [], count: bundle.nodes.count)
        // Where control returns to when a called flow ends.
        var returns = [Int: [Int]]()
        for node in bundle.nodes {
            if case .call(let callee, let next) = node.kind, callee.target >= 0, next.target >= 0 {
                returns[callee.target, default: []].append(next.target)
            }
        }
        for (index, node) in bundle.nodes.enumerated() {
            func add(_ reference: NodeReference, _ assigns: [String] = []) {
                if reference.target >= 0 { edges[index].append(Edge(target: reference.target, assigns: assigns)) }
            }
            switch node.kind {
            case .say(let next): add(next)
            case .ask(let question):
                for choice in question.choices {
                    add(choice.next, choice.assignments.map(\.variable) + (question.variable.map { [$0] } ?? []))
                }
            case .input(let input): add(input.next, [input.variable])
            case .branch(let cases, let otherwise):
                for branch in cases { add(branch.next) }
                add(otherwise)
            case .goto(let target): add(target)
            case .call(let callee, _):
                if callee.target >= 0 { add(bundle.flows[callee.target].start) }
            case .set(let assignments, let next): add(next, assignments.map(\.variable))
            case .plan(_, let next): add(next)
            case .end:
                for target in returns[node.flow] ?? [] { edges[index].append(Edge(target: target, assigns: [])) }
            }
        }
        return edges
    }

    private func checkReachability(edges: [[Edge]], entries: [Int]) -> [Bool] {
        var reached = [Bool](repeating: false, count: bundle.nodes.count)
        var stack = entries
        while let index = stack.popLast() {
            guard !reached[index] else { continue }
            reached[index] = true
            stack += edges[index].map(\.target)
        }
        for (index, node) in bundle.nodes.enumerated() where !reached[index] {
            context.report(.unreachable(node: node.id), at: node.origin)
        }
        return reached
    }

    private func checkCycles(edges: [[Edge]]) {
        // Depth-first search over nodes that run without waiting; a back edge closes a loop.
        enum Mark { case unvisited, active, done }
        var marks = [Mark](repeating: .unvisited, count: bundle.nodes.count)
        func passesThrough(_ index: Int) -> Bool {
            switch bundle.nodes[index].kind {
            case .ask, .input, .end: false
            default: true
            }
        }
        // An explicit stack of (node, next edge to follow), not recursion: a generated bundle
        // may chain thousands of nodes that do not wait, and each would be a stack frame. The
        // stack is also the path from the root, for naming a loop.
        var stack: [(node: Int, edge: Int)] = []
        func enter(_ index: Int) {
            marks[index] = .active
            stack.append((index, 0))
        }
        for root in bundle.nodes.indices where marks[root] == .unvisited && passesThrough(root) {
            enter(root)
            while let (index, next) = stack.last {
                guard next < edges[index].count else {
                    stack.removeLast()
                    marks[index] = .done
                    continue
                }
                stack[stack.count - 1].edge += 1
                let edge = edges[index][next]
                guard passesThrough(edge.target) else { continue }
                switch marks[edge.target] {
                case .unvisited: enter(edge.target)
                case .active:
                    let loop = stack[stack.lastIndex { $0.node == edge.target }!...].map { bundle.qualifiedID(of: $0.node) }
                    let start = bundle.nodes[edge.target]
                    context.report(.loopWithoutInput(loop + [loop[0]]), at: start.origin)
                case .done: break
                }
            }
        }
    }

    /// Forward must-analysis: a variable is safe to read at a node when every path to it sets it.
    ///
    /// The sets are bits, one per declared variable, all nodes' sets in one array: a set of
    /// strings per node made this a tenth of loading a large bundle.
    private func checkReadBeforeSet(edges: [[Edge]], entries: [Int]) {
        var numbers: [String: Int] = [:]
        for (number, name) in bundle.variables.keys.sorted().enumerated() { numbers[name] = number }
        let width = (numbers.count + 63) / 64
        func bit(_ number: Int) -> (word: Int, mask: UInt64) { (number >> 6, 1 << UInt64(number & 63)) }
        var defaults = [UInt64](repeating: 0, count: width)
        for variable in bundle.variables.values where variable.defaultValue != nil {
            if let number = numbers[variable.name] { defaults[bit(number).word] |= bit(number).mask }
        }
        var known = [UInt64](repeating: 0, count: bundle.nodes.count * width)
        var reached = [Bool](repeating: false, count: bundle.nodes.count)
        var work: [Int] = []
        for entry in entries {
            known.replaceSubrange(entry * width..<(entry + 1) * width, with: defaults)
            reached[entry] = true
            work.append(entry)
        }
        var outgoing = [UInt64](repeating: 0, count: width)
        while let index = work.popLast() {
            for edge in edges[index] {
                for word in 0..<width { outgoing[word] = known[index * width + word] }
                // Undeclared names are not tracked.
                for name in edge.assigns { if let number = numbers[name] { outgoing[bit(number).word] |= bit(number).mask } }
                let target = edge.target
                var changed = !reached[target]
                for word in 0..<width {
                    let merged = reached[target] ? known[target * width + word] & outgoing[word] : outgoing[word]
                    if merged != known[target * width + word] { changed = true }
                    known[target * width + word] = merged
                }
                reached[target] = true
                if changed { work.append(target) }
            }
        }
        for (index, node) in bundle.nodes.enumerated() where reached[index] {
            for (variable, origin) in reads(of: node) {
                guard let number = numbers[variable], known[index * width + bit(number).word] & bit(number).mask == 0 else { continue }
                context.report(.readBeforeSet(variable: variable, node: node.id), at: origin)
            }
        }
    }

    private func reads(of node: Node) -> [(String, Origin)] {
        var reads: [(String, Origin)] = []
        for text in node.texts {
            for name in text.variablesRead.sorted() { reads.append((name, text.origin)) }
        }
        switch node.kind {
        case .branch(let cases, _):
            for branch in cases {
                for name in branch.condition.expression.variablesRead.sorted() { reads.append((name, branch.condition.origin)) }
            }
        case .set(let assignments, _):
            var setHere = Set<String>()
            for assignment in assignments {
                for name in assignment.value.expression.variablesRead.sorted() where !setHere.contains(name) {
                    reads.append((name, assignment.value.origin))
                }
                setHere.insert(assignment.variable)
            }
        case .ask(let question):
            for choice in question.choices {
                for assignment in choice.assignments {
                    for name in assignment.value.expression.variablesRead.sorted() { reads.append((name, assignment.value.origin)) }
                }
            }
        default:
            break
        }
        return reads
    }

    private func checkSources() {
        for node in bundle.nodes where node.sources == nil {
            switch node.kind {
            case .say, .end, .plan:
                guard !node.messages.isEmpty else { continue }
                context.report(.noSources(kind: node.kindName, node: node.id), at: node.origin)
            default:
                continue
            }
        }
    }
}
