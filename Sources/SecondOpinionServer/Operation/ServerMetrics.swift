import Prometheus

/// The server's own Prometheus metrics: turns, turn latency, active sessions and errors by code.
/// Each app has its own registry, so test apps never share counters.
public struct ServerMetrics: Sendable {
    /// The registry `/metrics` emits.
    public let registry: PrometheusCollectorRegistry
    let turns: Counter
    let turnDuration: DurationHistogram
    let activeSessions: Gauge

    /// Creates the metrics in `registry`.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        turns = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "second_opinion", metricName: "turns", unitName: "total", helpText: "Turns applied."))
        turnDuration = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(namespace: "second_opinion", metricName: "turn_duration", unitName: "seconds",
                                             helpText: "Time to handle a turn request, store included."),
            buckets: [.microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
                      .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1)])
        activeSessions = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "second_opinion", metricName: "active_sessions", unitName: "count", helpText: "Sessions in the store."))
    }

    /// Counts one error response with `code`.
    func countError(_ code: APIError.Code) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "second_opinion", metricName: "errors", unitName: "total",
                                             helpText: "Error responses by code."),
            labels: [("code", code.rawValue)]
        ).increment()
    }
}
