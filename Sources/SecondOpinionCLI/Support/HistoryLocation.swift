import Foundation

/// Where line history is kept: `$XDG_STATE_HOME/second-opinion/history`, by default
/// `~/.local/state/second-opinion/history`.
enum HistoryLocation {
    static func file(environment: [String: String]) -> URL? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("second-opinion/history")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/second-opinion/history")
    }
}
