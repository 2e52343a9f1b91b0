package io.cellstack.operator.routing;

import io.cellstack.api.topology.ResourceSet;
import io.cellstack.api.topology.TopologyMapper;
import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.api.v1alpha1.FailoverDatabase;
import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.api.validation.CrossResourceRules;
import io.cellstack.core.problem.Problem;
import io.cellstack.core.routing.Compilation;
import io.cellstack.core.routing.RoutingCompiler;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.RoutingTableJson;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What to publish for one ShardMap: the routing table (carrying epochs over from the published one)
 * or, when the topology is invalid, nothing and the problems. A pure function of the resources of
 * the namespace and the published table.
 *
 * @param table the table to publish; empty when there are errors
 * @param errors problems that block publishing
 * @param warnings problems that do not
 */
public record RoutingDecision(
    Optional<RoutingTable> table, List<Problem> errors, List<Problem> warnings) {

  /** Decides for {@code shardMap} given everything in its namespace and the published JSON. */
  public static RoutingDecision decide(
      ShardMap shardMap,
      List<ShardMap> shardMaps,
      List<Cell> cells,
      List<FailoverDatabase> failoverDatabases,
      Optional<String> publishedJson) {
    List<ShardMap> ordered = new ArrayList<>(shardMaps);
    ordered.sort(
        Comparator.comparing((ShardMap m) -> String.valueOf(m.getMetadata().getCreationTimestamp()))
            .thenComparing(m -> m.getMetadata().getName()));
    List<HasMetadata> resources = new ArrayList<>(cells);
    resources.addAll(ordered);
    resources.addAll(failoverDatabases);
    CrossResourceRules.Result checked =
        CrossResourceRules.check(ResourceSet.of(shardMap.getMetadata().getNamespace(), resources));
    List<Problem> errors = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    for (Problem problem : checked.problems()) {
      boolean concernsOtherMap =
          problem.kind().equals("ShardMap")
              && !problem.name().equals(shardMap.getMetadata().getName());
      if (concernsOtherMap) {
        continue;
      }
      (problem.isError() ? errors : warnings).add(problem);
    }
    Optional<RoutingTable> previous = Optional.empty();
    if (publishedJson.isPresent()) {
      try {
        previous = Optional.of(RoutingTableJson.read(publishedJson.get()));
      } catch (IllegalArgumentException e) {
        errors.add(
            Problem.error(
                "ShardMap",
                shardMap.getMetadata().getName(),
                "",
                "the published routing table cannot be read ("
                    + e.getMessage()
                    + "); it is left as it is: delete ConfigMap cellstack-routing to republish from epoch 1"));
      }
    }
    if (!errors.isEmpty()) {
      return new RoutingDecision(Optional.empty(), errors, warnings);
    }
    Compilation compilation =
        RoutingCompiler.compile(
            TopologyMapper.toTopology(shardMap, cells, failoverDatabases), previous);
    return new RoutingDecision(compilation.table(), errors, warnings);
  }

  /** Whether the table may be published. */
  public boolean isValid() {
    return errors.isEmpty() && table.isPresent();
  }
}
