package io.cellstack.api.topology;

import io.cellstack.api.v1alpha1.BatchSchedule;
import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.api.v1alpha1.CellFunction;
import io.cellstack.api.v1alpha1.FailoverDatabase;
import io.cellstack.api.v1alpha1.GreyRollout;
import io.cellstack.api.v1alpha1.ShardMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Cellstack resources of one namespace: what the operator sees and what the CLI checks. */
public record ResourceSet(
    String namespace,
    List<Cell> cells,
    List<ShardMap> shardMaps,
    List<FailoverDatabase> failoverDatabases,
    List<CellFunction> cellFunctions,
    List<GreyRollout> greyRollouts,
    List<BatchSchedule> batchSchedules) {

  /** Copies the lists. */
  public ResourceSet {
    cells = List.copyOf(cells);
    shardMaps = List.copyOf(shardMaps);
    failoverDatabases = List.copyOf(failoverDatabases);
    cellFunctions = List.copyOf(cellFunctions);
    greyRollouts = List.copyOf(greyRollouts);
    batchSchedules = List.copyOf(batchSchedules);
  }

  /** A set of {@code resources}, sorted into kinds. */
  public static ResourceSet of(String namespace, List<? extends HasMetadata> resources) {
    List<Cell> cells = new ArrayList<>();
    List<ShardMap> maps = new ArrayList<>();
    List<FailoverDatabase> failovers = new ArrayList<>();
    List<CellFunction> functions = new ArrayList<>();
    List<GreyRollout> rollouts = new ArrayList<>();
    List<BatchSchedule> schedules = new ArrayList<>();
    for (HasMetadata resource : resources) {
      if (resource instanceof Cell c) {
        cells.add(c);
      } else if (resource instanceof ShardMap m) {
        maps.add(m);
      } else if (resource instanceof FailoverDatabase f) {
        failovers.add(f);
      } else if (resource instanceof CellFunction f) {
        functions.add(f);
      } else if (resource instanceof GreyRollout r) {
        rollouts.add(r);
      } else if (resource instanceof BatchSchedule s) {
        schedules.add(s);
      } else {
        throw new IllegalArgumentException("not a Cellstack resource: " + resource.getKind());
      }
    }
    return new ResourceSet(namespace, cells, maps, failovers, functions, rollouts, schedules);
  }

  /** Every resource of the set, Cells first. */
  public List<HasMetadata> all() {
    return Stream.<List<? extends HasMetadata>>of(
            cells, shardMaps, failoverDatabases, cellFunctions, greyRollouts, batchSchedules)
        .flatMap(List::stream)
        .map(HasMetadata.class::cast)
        .toList();
  }
}
