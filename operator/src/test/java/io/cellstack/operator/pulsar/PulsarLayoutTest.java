package io.cellstack.operator.pulsar;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.api.v1alpha1.CellFunction;
import io.cellstack.api.v1alpha1.CellFunctionSpec;
import io.cellstack.operator.Fixtures;
import io.cellstack.operator.OperatorConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a cell needs in Pulsar: its namespace, its functions' topics and geo-replication. */
class PulsarLayoutTest {

  private static final Cell RZ00 = Fixtures.cell("rz00", "east", "east-a", "rz10");
  private static final Cell RZ01 = Fixtures.cell("rz01", "east", "east-b", "rz11");
  private static final Cell RZ10 = Fixtures.cell("rz10", "west", "west-a", "rz00");
  private static final Map<String, String> BOTH_REGIONS =
      Map.of("east", "pulsar-east", "west", "pulsar-west");

  @Test
  void theNamespaceIsTenantSlashCell() {
    assertThat(layout(RZ00, List.of(), Optional.empty(), Map.of()).namespace())
        .isEqualTo("cellstack/rz00");
  }

  @Test
  void theNamespaceUsesTheConfiguredTenant() {
    OperatorConfig config =
        new OperatorConfig("http://pulsar:8080", "bank", Map.of(), List.of(), "bridge:1", 0);

    assertThat(PulsarLayout.of(RZ00, List.of(), Optional.empty(), config).namespace())
        .isEqualTo("bank/rz00");
  }

  @Test
  void topicsComeFromTriggersAndOutputsOfEveryFunctionSortedWithoutDuplicates() {
    CellFunction payment = Fixtures.function("payment");
    CellFunction audit =
        function("audit", List.of("payment.events", "audit.log"), List.of("billing.changes"));

    PulsarLayout layout = layout(RZ00, List.of(payment, audit), Optional.empty(), Map.of());

    assertThat(layout.topics())
        .containsExactly(
            "persistent://cellstack/rz00/audit.log",
            "persistent://cellstack/rz00/billing.changes",
            "persistent://cellstack/rz00/payment.events");
  }

  @Test
  void functionsWithoutTriggersOrOutputsNeedNoTopics() {
    PulsarLayout layout =
        layout(RZ00, List.of(function("idle", null, null)), Optional.empty(), Map.of());

    assertThat(layout.topics()).isEmpty();
  }

  @Test
  void peersInRegionsWithDifferentClustersReplicateBetweenBoth() {
    assertThat(layout(RZ00, List.of(), Optional.of(RZ10), BOTH_REGIONS).replicationClusters())
        .containsExactly("pulsar-east", "pulsar-west");
    assertThat(layout(RZ10, List.of(), Optional.of(RZ00), BOTH_REGIONS).replicationClusters())
        .containsExactly("pulsar-east", "pulsar-west");
  }

  @Test
  void noReplicationWithoutAPeer() {
    assertThat(layout(RZ00, List.of(), Optional.empty(), BOTH_REGIONS).replicationClusters())
        .isEmpty();
  }

  @Test
  void noReplicationWhenEitherRegionHasNoCluster() {
    assertThat(
            layout(RZ00, List.of(), Optional.of(RZ10), Map.of("east", "pulsar-east"))
                .replicationClusters())
        .isEmpty();
    assertThat(
            layout(RZ00, List.of(), Optional.of(RZ10), Map.of("west", "pulsar-west"))
                .replicationClusters())
        .isEmpty();
    assertThat(layout(RZ00, List.of(), Optional.of(RZ10), Map.of()).replicationClusters())
        .isEmpty();
  }

  @Test
  void noReplicationWhenBothRegionsShareOneCluster() {
    Map<String, String> shared = Map.of("east", "pulsar", "west", "pulsar");

    assertThat(layout(RZ00, List.of(), Optional.of(RZ10), shared).replicationClusters()).isEmpty();
    assertThat(layout(RZ00, List.of(), Optional.of(RZ01), BOTH_REGIONS).replicationClusters())
        .isEmpty();
  }

  private static PulsarLayout layout(
      Cell cell, List<CellFunction> functions, Optional<Cell> peer, Map<String, String> clusters) {
    OperatorConfig config =
        new OperatorConfig("http://pulsar:8080", "cellstack", clusters, List.of(), "bridge:1", 0);
    return PulsarLayout.of(cell, functions, peer, config);
  }

  private static CellFunction function(String name, List<String> triggers, List<String> outputs) {
    CellFunction function = Fixtures.function(name);
    CellFunctionSpec s = function.getSpec();
    function.setSpec(
        new CellFunctionSpec(
            s.image(),
            s.definition(),
            s.keyspace(),
            triggers == null
                ? null
                : triggers.stream()
                    .map(t -> new CellFunctionSpec.Trigger(t, null, null, null))
                    .toList(),
            outputs,
            s.scaling(),
            s.capacityWindows(),
            s.resources(),
            s.env(),
            s.secretEnv()));
    return function;
  }
}
