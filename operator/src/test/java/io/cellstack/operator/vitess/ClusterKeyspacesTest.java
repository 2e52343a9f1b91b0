package io.cellstack.operator.vitess;

import static io.cellstack.operator.vitess.VitessObjectsTest.list;
import static io.cellstack.operator.vitess.VitessObjectsTest.map;
import static io.cellstack.operator.vitess.VitessObjectsTest.pools;
import static io.cellstack.operator.vitess.VitessObjectsTest.shards;
import static io.cellstack.operator.vitess.VitessObjectsTest.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.api.topology.TopologyMapper;
import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.api.v1alpha1.ShardMapSpec;
import io.cellstack.core.routing.RoutingCompiler;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.operator.Fixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a ShardMap's keyspaces are merged into the admin's VitessCluster, without any server. */
class ClusterKeyspacesTest {

  private static final String[] CELLS = {"rz00", "rz01", "rz10", "rz11"};

  @Test
  void addsTheMapsKeyspacesAfterTheAdminsOwnAndKeepsEveryOtherField() {
    ShardMap map = Fixtures.shardMap(100, CELLS);
    VitessCluster cluster = Fixtures.vitessCluster("main", CELLS);

    VitessPlan plan = plan(map, cluster);

    assertThat(plan.issue()).isEmpty();
    Map<String, Object> spec = plan.desired().orElseThrow().getSpec();
    assertThat(entries(spec)).extracting(e -> e.get("name")).containsExactly("commerce", "payment");
    assertThat(entries(spec).get(0)).isEqualTo(Fixtures.commerceKeyspace());
    assertThat(entries(spec).get(1)).isEqualTo(VitessObjectsTest.entries(map).get(0));
    Map<String, Object> others = new LinkedHashMap<>(spec);
    others.remove("keyspaces");
    Map<String, Object> before = new LinkedHashMap<>(cluster.getSpec());
    before.remove("keyspaces");
    assertThat(others).isEqualTo(before);
    assertThat(plan.desired().orElseThrow().getMetadata())
        .isEqualTo(cluster.getMetadata())
        .isNotSameAs(cluster.getMetadata());
  }

  @Test
  void theClusterAsReadIsNeverChanged() {
    VitessCluster cluster = Fixtures.vitessCluster("main", CELLS);
    cluster.getMetadata().setAnnotations(new LinkedHashMap<>(Map.of("team", "platform")));
    Map<String, Object> before = Trees.copyMap(cluster.getSpec());

    VitessCluster desired = plan(Fixtures.shardMap(100, CELLS), cluster).desired().orElseThrow();
    desired.getMetadata().getAnnotations().put("javaoperatorsdk.io/previous", "x");

    assertThat(cluster.getSpec()).isEqualTo(before);
    assertThat(cluster.getMetadata().getAnnotations()).containsOnlyKeys("team");
  }

  @Test
  void planningAgainstItsOwnResultChangesNothing() {
    ShardMap map = Fixtures.shardMap(100, CELLS);
    VitessCluster written =
        plan(map, Fixtures.vitessCluster("main", CELLS)).desired().orElseThrow();

    VitessPlan again = plan(map, written);

    assertThat(again.desired().orElseThrow().getSpec()).isEqualTo(written.getSpec());
    assertThat(again.issue()).isEmpty();
  }

  @Test
  void aKeyspaceDroppedFromTheMapStaysInTheCluster() {
    ShardMap map = withKeyspaces(Fixtures.shardMap(100, CELLS), "payment", "ledger");
    VitessCluster written =
        plan(map, Fixtures.vitessCluster("main", CELLS)).desired().orElseThrow();

    VitessPlan plan = plan(withKeyspaces(map, "payment"), written);

    assertThat(entries(plan.desired().orElseThrow().getSpec()))
        .extracting(e -> e.get("name"))
        .containsExactly("commerce", "payment", "ledger");
  }

  @Test
  void aNewSlotLayoutIsAddedBesideTheOldPartitioningAsVitessReshards() {
    VitessCluster written =
        plan(Fixtures.shardMap(100, CELLS), Fixtures.vitessCluster("main", CELLS))
            .desired()
            .orElseThrow();
    ShardMap moved = Fixtures.shardMap(100, "rz00", "rz00", "rz10", "rz11");

    VitessPlan plan = plan(moved, written);

    Map<String, Object> payment = entries(plan.desired().orElseThrow().getSpec()).get(1);
    List<Map<String, Object>> partitionings = list(payment.get("partitionings"));
    assertThat(partitionings).hasSize(2);
    assertThat(partitionings.get(0))
        .isEqualTo(list(entries(written.getSpec()).get(1).get("partitionings")).get(0));
    assertThat(shardsOf(partitionings.get(1)))
        .extracting(s -> s.get("keyRange"))
        .containsExactly(
            Map.of("end", "0000000000000032"),
            Map.of("start", "0000000000000032", "end", "000000000000004b"),
            Map.of("start", "000000000000004b"));
    assertThat(pools(shardsOf(partitionings.get(1)).get(0)).get(0)).containsEntry("cell", "rz00");
    assertThat(plan.issue().orElseThrow().reason()).isEqualTo("ReshardPending");
    assertThat(plan.issue().orElseThrow().message())
        .contains("keyspace payment")
        .contains("Reshard")
        .contains("remove the first partitioning");
  }

  @Test
  void onceThePersonRemovesTheOldPartitioningTheMapIsDoneResharding() {
    VitessCluster written =
        plan(Fixtures.shardMap(100, CELLS), Fixtures.vitessCluster("main", CELLS))
            .desired()
            .orElseThrow();
    ShardMap moved = Fixtures.shardMap(100, "rz00", "rz00", "rz10", "rz11");
    VitessCluster resharding = plan(moved, written).desired().orElseThrow();
    list(entries(resharding.getSpec()).get(1).get("partitionings")).remove(0);

    VitessPlan plan = plan(moved, resharding);

    assertThat(plan.issue()).isEmpty();
    assertThat(list(entries(plan.desired().orElseThrow().getSpec()).get(1).get("partitionings")))
        .hasSize(1);
  }

  @Test
  void aThirdLayoutWaitsUntilTheReshardingIsFinished() {
    VitessCluster written =
        plan(Fixtures.shardMap(100, CELLS), Fixtures.vitessCluster("main", CELLS))
            .desired()
            .orElseThrow();
    VitessCluster resharding =
        plan(Fixtures.shardMap(100, "rz00", "rz00", "rz10", "rz11"), written)
            .desired()
            .orElseThrow();

    VitessPlan plan = plan(Fixtures.shardMap(100, "rz00", "rz01", "rz01", "rz11"), resharding);

    assertThat(plan.desired().orElseThrow().getSpec()).isEqualTo(resharding.getSpec());
    assertThat(plan.issue().orElseThrow().message())
        .contains("already has two partitionings")
        .contains("cannot be added");
  }

  @Test
  void theSameKeyRangesUpdateTheDeclaredPoolAndKeepWhatTheAdminAdded() {
    VitessCluster written =
        plan(Fixtures.shardMap(100, CELLS), Fixtures.vitessCluster("main", CELLS))
            .desired()
            .orElseThrow();
    Map<String, Object> shard = shards(entries(written.getSpec()).get(1)).get(0);
    Map<String, Object> replica = pools(shard).get(0);
    replica.put("vttablet", new LinkedHashMap<>(map(replica.get("vttablet"))));
    map(replica.get("vttablet")).put("extraFlags", Map.of("db_charset", "utf8mb4"));
    List<Map<String, Object>> pools = new ArrayList<>(pools(shard));
    pools.add(Map.of("cell", "rz00", "type", "rdonly", "replicas", 1, "vttablet", Map.of()));
    shard.put("tabletPools", pools);
    ShardMap map = Fixtures.shardMap(100, CELLS);
    map.setSpec(
        new ShardMapSpec(
            100,
            map.getSpec().assignments(),
            map.getSpec().keyspaces(),
            new ShardMapSpec.Vitess(
                null, null, new ShardMapSpec.TabletPool(3, null, null, null, null))));

    VitessPlan plan = plan(map, written);

    List<Map<String, Object>> merged =
        pools(shards(entries(plan.desired().orElseThrow().getSpec()).get(1)).get(0));
    assertThat(merged).hasSize(2);
    assertThat(merged.get(0)).containsEntry("replicas", 3).containsEntry("type", "replica");
    assertThat(map(merged.get(0).get("vttablet")))
        .containsEntry("extraFlags", Map.of("db_charset", "utf8mb4"))
        .containsKey("resources");
    assertThat(merged.get(1)).containsEntry("type", "rdonly");
    assertThat(plan.issue()).isEmpty();
  }

  @Test
  void aMissingClusterIsAnIssueAndNothingIsWritten() {
    VitessPlan plan =
        ClusterKeyspaces.plan(
            Fixtures.shardMap(100, CELLS), table(Fixtures.shardMap(100, CELLS)), Optional.empty());

    assertThat(plan.writes()).isFalse();
    assertThat(plan.issue().orElseThrow().reason()).isEqualTo("VitessClusterMissing");
    assertThat(plan.issue().orElseThrow().message())
        .contains("VitessCluster main does not exist in namespace bank")
        .contains("keyspaces payment")
        .contains("spec.vitess.cluster");
  }

  @Test
  void aClusterWithoutAnOwningCellIsAnIssueAndNothingIsWritten() {
    VitessPlan plan =
        plan(Fixtures.shardMap(100, CELLS), Fixtures.vitessCluster("main", "rz00", "rz01"));

    assertThat(plan.writes()).isFalse();
    assertThat(plan.issue().orElseThrow().reason()).isEqualTo("VitessCellMissing");
    assertThat(plan.issue().orElseThrow().message())
        .contains("has no cell rz10, rz11 in spec.cells")
        .doesNotContain("'-'");
  }

  @Test
  void aCellNameVitessCannotTakeIsPointedOut() {
    ShardMap map = Fixtures.shardMap(100, "rz-00", "rz01");

    VitessPlan plan =
        ClusterKeyspaces.plan(
            map,
            tableWith(
                map,
                Fixtures.cell("rz-00", "east", "east-a", null),
                Fixtures.cell("rz01", "east", "east-b", null)),
            Optional.of(Fixtures.vitessCluster("main", "rz01")));

    assertThat(plan.issue().orElseThrow().message()).contains("no cell rz-00").contains("not '-'");
  }

  @Test
  void anEntryOfTheSameNameThatIsNotTheMapsIsAConflict() {
    ShardMap map = withKeyspaces(Fixtures.shardMap(100, CELLS), "payment", "commerce");

    VitessPlan plan = plan(map, Fixtures.vitessCluster("main", CELLS));

    assertThat(plan.writes()).isFalse();
    assertThat(plan.issue().orElseThrow().reason()).isEqualTo("VitessKeyspaceConflict");
    assertThat(plan.issue().orElseThrow().message())
        .contains("already declares keyspace commerce")
        .contains("cellstack.io/shardmap=main");
  }

  @Test
  void aMapWithoutKeyspacesNeedsNoCluster() {
    ShardMap map = withKeyspaces(Fixtures.shardMap(100, CELLS));

    VitessPlan plan = ClusterKeyspaces.plan(map, table(map), Optional.empty());

    assertThat(plan.writes()).isFalse();
    assertThat(plan.issue()).isEmpty();
    assertThat(plan.keyspaces()).isEmpty();
  }

  @Test
  void theClusterIsNamedAfterTheMapUnlessSpecVitessClusterSaysOtherwise() {
    ShardMap map = Fixtures.shardMap(100, CELLS);
    assertThat(plan(map, Fixtures.vitessCluster("main", CELLS)).cluster()).isEqualTo("main");

    map.setSpec(
        new ShardMapSpec(
            100,
            map.getSpec().assignments(),
            map.getSpec().keyspaces(),
            new ShardMapSpec.Vitess("vt", null, null)));

    assertThat(plan(map, Fixtures.vitessCluster("vt", CELLS)).cluster()).isEqualTo("vt");
  }

  private static VitessPlan plan(ShardMap map, VitessCluster cluster) {
    return ClusterKeyspaces.plan(map, table(map), Optional.of(cluster));
  }

  private static RoutingTable tableWith(ShardMap map, Cell... cells) {
    return RoutingCompiler.compile(TopologyMapper.toTopology(map, List.of(cells), List.of()))
        .table()
        .orElseThrow();
  }

  private static List<Map<String, Object>> entries(Map<String, Object> spec) {
    return list(spec.get("keyspaces"));
  }

  private static List<Map<String, Object>> shardsOf(Map<String, Object> partitioning) {
    return list(map(partitioning.get("custom")).get("shards"));
  }

  private static ShardMap withKeyspaces(ShardMap map, String... names) {
    List<ShardMapSpec.Keyspace> keyspaces = new ArrayList<>();
    for (String name : names) {
      keyspaces.add(new ShardMapSpec.Keyspace(name, 1, List.of("outbox")));
    }
    ShardMap copy = new ShardMap();
    copy.setMetadata(map.getMetadata());
    copy.setSpec(new ShardMapSpec(100, map.getSpec().assignments(), keyspaces, null));
    return copy;
  }
}
