package io.cellstack.operator.pulsar;

import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.api.v1alpha1.CellFunction;
import io.cellstack.api.v1alpha1.CellFunctionSpec;
import io.cellstack.operator.OperatorConfig;
import io.cellstack.operator.naming.Names;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a cell needs in Pulsar: a namespace under the Cellstack tenant, the partitioned topics its
 * functions declare (triggers and outputs), with retention, replicated to the peer's region when
 * both regions have a Pulsar cluster. A pure function of the resources and the configuration.
 *
 * @param namespace {@code tenant/cell}
 * @param topics fully qualified topic names, sorted
 * @param replicationClusters clusters the namespace replicates to; empty for a single cluster
 */
public record PulsarLayout(
    String namespace, List<String> topics, List<String> replicationClusters) {

  /** Partitions of every topic: bounds event-bridge parallelism per cell. */
  public static final int PARTITIONS = 8;

  /** Retention of every namespace, in minutes (so a failed-over or late consumer can catch up). */
  public static final int RETENTION_MINUTES = 7 * 24 * 60;

  /** Retention size limit of every namespace, in MB. */
  public static final int RETENTION_MB = 10_240;

  /** The layout of {@code cell}, given the functions of its namespace and its peer. */
  public static PulsarLayout of(
      Cell cell, List<CellFunction> functions, Optional<Cell> peer, OperatorConfig config) {
    String name = cell.getMetadata().getName();
    TreeSet<String> topics = new TreeSet<>();
    for (CellFunction function : functions) {
      CellFunctionSpec spec = function.getSpec();
      if (spec.triggers() != null) {
        spec.triggers()
            .forEach(t -> topics.add(Names.pulsarTopic(config.pulsarTenant(), name, t.topic())));
      }
      if (spec.outputs() != null) {
        spec.outputs().forEach(t -> topics.add(Names.pulsarTopic(config.pulsarTenant(), name, t)));
      }
    }
    return new PulsarLayout(
        Names.pulsarNamespace(config.pulsarTenant(), name),
        List.copyOf(topics),
        clusters(cell, peer, config.regionClusters()));
  }

  private static List<String> clusters(
      Cell cell, Optional<Cell> peer, Map<String, String> regionClusters) {
    String own = regionClusters.get(cell.getSpec().region());
    String other = peer.map(p -> regionClusters.get(p.getSpec().region())).orElse(null);
    if (own == null || other == null || own.equals(other)) {
      return List.of();
    }
    return List.of(own, other).stream().sorted().toList();
  }
}
