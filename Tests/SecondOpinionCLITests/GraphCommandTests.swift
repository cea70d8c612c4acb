import Foundation
import Testing

/// `second-opinion graph`: the demo bundle drawn for Graphviz and Mermaid.
@Suite struct GraphCommandTests {
    static let demo = CommandRunner.packageRoot.appendingPathComponent("Tests/DialogEngineTests/Fixtures/demo").path

    @Test func dotShowsEveryNodeChoiceCallReturnBranchAndInterrupt() throws {
        let result = try CommandRunner.run(["graph", "--dialogs", Self.demo], input: "")
        #expect(result.status == 0)
        #expect(result.text == #"""
            digraph "bike-shop" {
              rankdir=TB;
              node [shape=box, fontname="Helvetica"];
              edge [fontname="Helvetica", fontsize=10];
              "start" [shape=point];
              "start" -> "welcome:hello";
              subgraph "cluster_hours" {
                label="hours: Opening hours";
                "hours:start" [label="start (input)", style=rounded];
                "hours:answer" [label="answer (say)"];
                "hours:back_to_menu" [label="back_to_menu (goto)"];
              }
              subgraph "cluster_repair" {
                label="repair: Repairs";
                "repair:start" [label="start (ask)", style=rounded];
                "repair:ask_electric" [label="ask_electric (input)", style=rounded];
                "repair:check" [label="check (branch)", shape=diamond];
                "repair:electric_price" [label="electric_price (say)"];
                "repair:normal_price" [label="normal_price (say)"];
                "repair:add_plan" [label="add_plan (plan)"];
                "repair:feedback" [label="feedback (call)", shape=component];
                "repair:done" [label="done (end)", shape=doublecircle];
              }
              subgraph "cluster_survey" {
                label="survey: Feedback";
                "survey:ask" [label="ask (ask)", style=rounded];
                "survey:thanks" [label="thanks (end)", shape=doublecircle];
              }
              subgraph "cluster_welcome" {
                label="welcome: Welcome";
                "welcome:hello" [label="hello (say)"];
                "welcome:menu" [label="menu (ask)", style=rounded];
              }
              "interrupt:fire" [shape=octagon, label="interrupt fire\nfire, smoke in the shop"];
              "hours:start" -> "hours:answer";
              "hours:answer" -> "hours:back_to_menu";
              "hours:back_to_menu" -> "welcome:menu" [label="goto", style=dotted];
              "repair:start" -> "repair:ask_electric" [label="The front wheel"];
              "repair:start" -> "repair:ask_electric" [label="The rear wheel"];
              "repair:ask_electric" -> "repair:check";
              "repair:check" -> "repair:electric_price" [label="electric"];
              "repair:check" -> "repair:normal_price" [label="else"];
              "repair:electric_price" -> "repair:add_plan";
              "repair:normal_price" -> "repair:add_plan";
              "repair:add_plan" -> "repair:feedback";
              "repair:feedback" -> "survey:ask" [label="call", style=bold];
              "repair:feedback" -> "repair:done" [label="after call", style=dashed];
              "survey:ask" -> "survey:thanks" [label="Yes"];
              "survey:ask" -> "survey:thanks" [label="No"];
              "survey:thanks" -> "repair:done" [label="return", style=dashed];
              "welcome:hello" -> "welcome:menu";
              "welcome:menu" -> "repair:start" [label="A repair"];
              "welcome:menu" -> "hours:start" [label="Opening hours"];
            }

            """#)
    }

    @Test func graphvizRendersTheDOT() throws {
        let dot = try CommandRunner.run(["graph", "--dialogs", Self.demo], input: "")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
        process.arguments = ["-Tsvg"]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(dot.output)
        try input.fileHandleForWriting.close()
        let svg = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let warnings = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(warnings == "")
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.hasSuffix("</svg>\n"))
        let titles = svg.components(separatedBy: "<title>").dropFirst().map { $0.components(separatedBy: "</title>")[0] }
        #expect(titles.filter { !$0.contains("&#45;&gt;") }.sorted() == [
            "bike&#45;shop", "cluster_hours", "cluster_repair", "cluster_survey", "cluster_welcome",
            "hours:answer", "hours:back_to_menu", "hours:start", "interrupt:fire",
            "repair:add_plan", "repair:ask_electric", "repair:check", "repair:done", "repair:electric_price",
            "repair:feedback", "repair:normal_price", "repair:start", "start", "survey:ask", "survey:thanks",
            "welcome:hello", "welcome:menu",
        ])
        #expect(titles.filter { $0.contains("&#45;&gt;") }.count == 20, "one per edge, the entry arrow included")
    }

    @Test func mermaidShowsTheSameGraph() throws {
        let result = try CommandRunner.run(["graph", "--dialogs", Self.demo, "--format", "mermaid"], input: "")
        #expect(result.status == 0)
        #expect(result.text == #"""
            flowchart TD
              start((start)) --> n0
              subgraph hours["hours: Opening hours"]
                n1("start (input)")
                n2["answer (say)"]
                n3["back_to_menu (goto)"]
              end
              subgraph repair["repair: Repairs"]
                n4("start (ask)")
                n5("ask_electric (input)")
                n6{"check (branch)"}
                n7["electric_price (say)"]
                n8["normal_price (say)"]
                n9["add_plan (plan)"]
                n10[["feedback (call)"]]
                n11(("done (end)"))
              end
              subgraph survey["survey: Feedback"]
                n12("ask (ask)")
                n13(("thanks (end)"))
              end
              subgraph welcome["welcome: Welcome"]
                n0["hello (say)"]
                n14("menu (ask)")
              end
              interrupt0{{"interrupt fire: fire, smoke in the shop"}}
              n1 --> n2
              n2 --> n3
              n3 -.->|"goto"| n14
              n4 -->|"The front wheel"| n5
              n4 -->|"The rear wheel"| n5
              n5 --> n6
              n6 -->|"electric"| n7
              n6 -->|"else"| n8
              n7 --> n9
              n8 --> n9
              n9 --> n10
              n10 ==>|"call"| n12
              n10 -.->|"after call"| n11
              n12 -->|"Yes"| n13
              n12 -->|"No"| n13
              n13 -.->|"return"| n11
              n0 --> n14
              n14 -->|"A repair"| n4
              n14 -->|"Opening hours"| n1

            """#)
    }

    @Test func oneFlowShowsTheNodesItLeadsToElsewhere() throws {
        let result = try CommandRunner.run(["graph", "--dialogs", Self.demo, "--flow", "repair", "--format", "mermaid"], input: "")
        #expect(result.text == #"""
            flowchart TD
              subgraph repair["repair: Repairs"]
                n0("start (ask)")
                n1("ask_electric (input)")
                n2{"check (branch)"}
                n3["electric_price (say)"]
                n4["normal_price (say)"]
                n5["add_plan (plan)"]
                n6[["feedback (call)"]]
                n7(("done (end)"))
              end
              n8["survey:ask"]
              n0 -->|"The front wheel"| n1
              n0 -->|"The rear wheel"| n1
              n1 --> n2
              n2 -->|"electric"| n3
              n2 -->|"else"| n4
              n3 --> n5
              n4 --> n5
              n5 --> n6
              n6 ==>|"call"| n8
              n6 -.->|"after call"| n7

            """#)
        let unknown = try CommandRunner.run(["graph", "--dialogs", Self.demo, "--flow", "repiar"], input: "")
        #expect(unknown.status == 2)
        #expect(unknown.error == "error: unknown flow 'repiar' (did you mean 'repair'?)\n")
    }
}
