package io.cellstack.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prometheus metrics: a Service on port 8080, and a ServiceMonitor only when asked for. */
class MetricsTest {

  @Test
  void metricsServiceExposesPort8080OfTheOperatorPods() {
    Manifest service = Chart.template(Values.defaults()).one("Service", "cellstack-metrics");

    assertThat(service.namespace()).isEqualTo(Chart.NAMESPACE);
    assertThat(service.map("spec.selector"))
        .containsOnly(
            entry("app.kubernetes.io/name", "cellstack"),
            entry("app.kubernetes.io/instance", Chart.RELEASE));
    assertThat(service.list("spec.ports"))
        .containsExactly(
            Map.of("name", "http-metrics", "port", 8080, "targetPort", "http", "protocol", "TCP"));
  }

  @Test
  void serviceMonitorIsNotRenderedByDefault() {
    assertThat(Chart.template(Values.defaults()).ofKind("ServiceMonitor")).isEmpty();
  }

  @Test
  void serviceMonitorScrapesMetricsFromTheMetricsServiceWhenEnabled() {
    Values values =
        Values.defaults()
            .with("metrics.serviceMonitor.enabled", true)
            .with("metrics.serviceMonitor.interval", "15s")
            .with("metrics.serviceMonitor.labels", Map.of("release", "kube-prometheus-stack"));

    Manifest monitor = Chart.template(values).one("ServiceMonitor", "cellstack");

    assertThat(monitor.string("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.namespace()).isEqualTo(Chart.NAMESPACE);
    assertThat(monitor.map("metadata.labels")).containsEntry("release", "kube-prometheus-stack");
    assertThat(monitor.map("spec.selector.matchLabels"))
        .containsOnly(
            entry("app.kubernetes.io/name", "cellstack"),
            entry("app.kubernetes.io/instance", Chart.RELEASE));
    assertThat(monitor.list("spec.namespaceSelector.matchNames")).containsExactly(Chart.NAMESPACE);
    assertThat(monitor.list("spec.endpoints"))
        .containsExactly(Map.of("port", "http-metrics", "path", "/metrics", "interval", "15s"));
  }
}
