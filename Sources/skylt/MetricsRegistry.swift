import Metrics
import Prometheus

/// The process's metrics: swift-metrics bootstrapped once, at start (before any metric is
/// made), with a Prometheus registry that the remote view exports.
enum MetricsRegistry {
    static let shared: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}
