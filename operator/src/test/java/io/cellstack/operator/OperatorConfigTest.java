package io.cellstack.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's configuration as the Helm chart's environment variables give it. */
class OperatorConfigTest {

  private static final String ADMIN_URL = "http://pulsar-broker.pulsar:8080";

  @Test
  void aMissingAdminUrlNamesTheVariableAndTheHelmValue() {
    assertThatThrownBy(() -> OperatorConfig.fromEnvironment(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CELLSTACK_PULSAR_ADMIN_URL")
        .hasMessageContaining("pulsar.adminUrl");
  }

  @Test
  void aBlankAdminUrlCountsAsMissing() {
    assertThatThrownBy(
            () -> OperatorConfig.fromEnvironment(Map.of("CELLSTACK_PULSAR_ADMIN_URL", "  ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CELLSTACK_PULSAR_ADMIN_URL");
  }

  @Test
  void onlyTheAdminUrlGivesTheDefaults() {
    OperatorConfig config =
        OperatorConfig.fromEnvironment(Map.of("CELLSTACK_PULSAR_ADMIN_URL", ADMIN_URL));

    assertThat(config)
        .isEqualTo(
            new OperatorConfig(
                ADMIN_URL,
                "cellstack",
                Map.of(),
                List.of(),
                OperatorConfig.DEFAULT_EVENT_BRIDGE_IMAGE,
                8080));
  }

  @Test
  void theHelmChartsEmptyValuesGiveTheDefaultsToo() {
    Map<String, String> env = env();
    env.put("CELLSTACK_PULSAR_REGION_CLUSTERS", "");
    env.put("CELLSTACK_WATCH_NAMESPACES", "");

    OperatorConfig config = OperatorConfig.fromEnvironment(env);

    assertThat(config.regionClusters()).isEmpty();
    assertThat(config.watchNamespaces()).isEmpty();
  }

  @Test
  void theAdminUrlIsTrimmed() {
    assertThat(
            OperatorConfig.fromEnvironment(
                    Map.of("CELLSTACK_PULSAR_ADMIN_URL", " " + ADMIN_URL + " "))
                .pulsarAdminUrl())
        .isEqualTo(ADMIN_URL);
  }

  @Test
  void regionClustersAreParsedAndTrimmed() {
    Map<String, String> env = env();
    env.put("CELLSTACK_PULSAR_REGION_CLUSTERS", "east=a, west=b");

    assertThat(OperatorConfig.fromEnvironment(env).regionClusters())
        .containsExactlyInAnyOrderEntriesOf(Map.of("east", "a", "west", "b"));
  }

  @Test
  void aMalformedRegionClusterEntryIsRejectedNamingTheEntry() {
    for (String malformed : List.of("east", "east=", "=a", "east=a,west")) {
      Map<String, String> env = env();
      env.put("CELLSTACK_PULSAR_REGION_CLUSTERS", malformed);

      assertThatThrownBy(() -> OperatorConfig.fromEnvironment(env))
          .as(malformed)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("CELLSTACK_PULSAR_REGION_CLUSTERS")
          .hasMessageContaining("region=cluster");
    }
  }

  @Test
  void watchNamespacesIsACommaListTrimmedWithoutEmptyEntries() {
    Map<String, String> env = env();
    env.put("CELLSTACK_WATCH_NAMESPACES", " payments , billing,,");

    assertThat(OperatorConfig.fromEnvironment(env).watchNamespaces())
        .containsExactly("payments", "billing");
  }

  @Test
  void explicitValuesOverrideTheDefaults() {
    Map<String, String> env = env();
    env.put("CELLSTACK_PULSAR_TENANT", "bank");
    env.put("CELLSTACK_EVENTBRIDGE_IMAGE", "registry.bank/event-bridge:1.2.3");
    env.put("CELLSTACK_METRICS_PORT", "9090");

    OperatorConfig config = OperatorConfig.fromEnvironment(env);

    assertThat(config.pulsarTenant()).isEqualTo("bank");
    assertThat(config.eventBridgeImage()).isEqualTo("registry.bank/event-bridge:1.2.3");
    assertThat(config.metricsPort()).isEqualTo(9090);
  }

  @Test
  void theConfigKeepsItsOwnCopiesOfTheCollections() {
    Map<String, String> clusters = new HashMap<>(Map.of("east", "a"));
    List<String> namespaces = new java.util.ArrayList<>(List.of("bank"));

    OperatorConfig config =
        new OperatorConfig(ADMIN_URL, "cellstack", clusters, namespaces, "i", 0);
    clusters.put("west", "b");
    namespaces.add("other");

    assertThat(config.regionClusters()).containsOnlyKeys("east");
    assertThat(config.watchNamespaces()).containsExactly("bank");
  }

  private static Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("CELLSTACK_PULSAR_ADMIN_URL", ADMIN_URL);
    return env;
  }

  @Test
  void aNonNumericMetricsPortNamesTheVariable() {
    assertThatThrownBy(
            () ->
                OperatorConfig.fromEnvironment(
                    Map.of(
                        "CELLSTACK_PULSAR_ADMIN_URL",
                        "http://p:8080",
                        "CELLSTACK_METRICS_PORT",
                        "metrics")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CELLSTACK_METRICS_PORT");
  }

  @Test
  void anEmptyTenantFallsBackToTheDefault() {
    assertThat(
            OperatorConfig.fromEnvironment(
                    Map.of(
                        "CELLSTACK_PULSAR_ADMIN_URL",
                        "http://p:8080",
                        "CELLSTACK_PULSAR_TENANT",
                        " "))
                .pulsarTenant())
        .isEqualTo("cellstack");
  }
}
