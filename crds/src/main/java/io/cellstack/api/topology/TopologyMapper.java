package io.cellstack.api.topology;

import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.api.v1alpha1.FailoverDatabase;
import io.cellstack.api.v1alpha1.FailoverDatabaseSpec;
import io.cellstack.api.v1alpha1.FailoverTrigger;
import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.api.v1alpha1.ShardMapSpec;
import io.cellstack.core.routing.CellDefinition;
import io.cellstack.core.routing.FailoverDefinition;
import io.cellstack.core.routing.ShardMapDefinition;
import io.cellstack.core.routing.SlotAssignment;
import io.cellstack.core.routing.SlotRange;
import io.cellstack.core.routing.Topology;
import io.cellstack.core.routing.WriteTarget;
import java.util.List;

/**
 * Maps the custom resources to the routing core's plain inputs: the one place that decides, for
 * example, when a FailoverDatabase counts as failed over.
 */
public final class TopologyMapper {

  private TopologyMapper() {}

  /** The topology of one ShardMap with the given Cells and FailoverDatabases. */
  public static Topology toTopology(
      ShardMap shardMap, List<Cell> cells, List<FailoverDatabase> failoverDatabases) {
    return new Topology(
        shardMap(shardMap),
        cells.stream().map(TopologyMapper::cell).toList(),
        failoverDatabases.stream().map(TopologyMapper::failover).toList());
  }

  static ShardMapDefinition shardMap(ShardMap map) {
    ShardMapSpec spec = map.getSpec();
    List<SlotAssignment> assignments =
        spec.assignments().stream()
            .map(
                a ->
                    new SlotAssignment(
                        a.cell(),
                        a.ranges().stream().map(r -> new SlotRange(r.from(), r.to())).toList()))
            .toList();
    return new ShardMapDefinition(map.getMetadata().getName(), spec.slotsOrDefault(), assignments);
  }

  static CellDefinition cell(Cell cell) {
    return new CellDefinition(
        cell.getMetadata().getName(),
        cell.getSpec().region(),
        cell.getSpec().zone(),
        cell.getSpec().type(),
        cell.getSpec().stateOrDefault(),
        cell.getSpec().peer());
  }

  static FailoverDefinition failover(FailoverDatabase database) {
    FailoverDatabaseSpec spec = database.getSpec();
    return new FailoverDefinition(
        database.getMetadata().getName(),
        spec.cell(),
        spec.primary().keyspace(),
        spec.failover().cell(),
        spec.modeOrDefault(),
        isFailedOver(database));
  }

  /**
   * Whether the database's writes go to the failover side: as requested in the spec when the
   * trigger is Manual, as the operator decided (status) when it is Automatic.
   */
  public static boolean isFailedOver(FailoverDatabase database) {
    FailoverDatabaseSpec spec = database.getSpec();
    if (spec.triggerOrDefault() == FailoverTrigger.Manual) {
      return spec.writeTargetOrDefault() == WriteTarget.Failover;
    }
    return database.getStatus() != null
        && database.getStatus().getWriteTarget() == WriteTarget.Failover;
  }
}
