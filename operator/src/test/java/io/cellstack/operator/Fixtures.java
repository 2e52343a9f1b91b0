package io.cellstack.operator;

import io.cellstack.api.v1alpha1.Cell;
import io.cellstack.api.v1alpha1.CellFunction;
import io.cellstack.api.v1alpha1.CellFunctionSpec;
import io.cellstack.api.v1alpha1.CellSpec;
import io.cellstack.api.v1alpha1.FailoverDatabase;
import io.cellstack.api.v1alpha1.FailoverDatabaseSpec;
import io.cellstack.api.v1alpha1.FailoverTrigger;
import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.api.v1alpha1.ShardMapSpec;
import io.cellstack.core.routing.CellState;
import io.cellstack.core.routing.CellType;
import io.cellstack.core.routing.FailoverMode;
import io.cellstack.core.routing.WriteTarget;
import io.cellstack.operator.vitess.VitessCluster;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders of test resources: a two-region topology unless a test says otherwise. */
public final class Fixtures {

  public static final String NAMESPACE = "bank";

  private Fixtures() {}

  public static Cell cell(String name, String region, String zone, String peer) {
    return cell(name, region, zone, peer, CellState.Active);
  }

  public static Cell cell(String name, String region, String zone, String peer, CellState state) {
    Cell cell = new Cell();
    cell.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    cell.setSpec(new CellSpec(region, zone, CellType.RZONE, 100, state, peer));
    return cell;
  }

  /** rz00, rz01 in east and rz10, rz11 in west, peered across regions. */
  public static List<Cell> fourCells() {
    return List.of(
        cell("rz00", "east", "east-a", "rz10"),
        cell("rz01", "east", "east-b", "rz11"),
        cell("rz10", "west", "west-a", "rz00"),
        cell("rz11", "west", "west-b", "rz01"));
  }

  /** A ShardMap named main; {@code owners[i]} owns the i-th equal share of {@code slots}. */
  public static ShardMap shardMap(int slots, String... owners) {
    List<ShardMapSpec.Assignment> assignments = new ArrayList<>();
    for (int i = 0; i < owners.length; i++) {
      int from = slots * i / owners.length;
      int to = slots * (i + 1) / owners.length - 1;
      assignments.add(
          new ShardMapSpec.Assignment(owners[i], List.of(new ShardMapSpec.Range(from, to))));
    }
    return shardMap(slots, assignments);
  }

  public static ShardMap shardMap(int slots, List<ShardMapSpec.Assignment> assignments) {
    ShardMap map = new ShardMap();
    map.setMetadata(new ObjectMetaBuilder().withName("main").withNamespace(NAMESPACE).build());
    map.setSpec(
        new ShardMapSpec(
            slots,
            assignments,
            List.of(new ShardMapSpec.Keyspace("payment", 1, List.of("payments", "outbox"))),
            null));
    return map;
  }

  /**
   * A VitessCluster as a platform admin creates it: images, lockserver, backup, {@code cells}
   * (Vitess cells named like the Cellstack cells), update strategy, and a keyspace of its own,
   * {@code commerce}, that no ShardMap declares.
   */
  public static VitessCluster vitessCluster(String name, String... cells) {
    VitessCluster cluster = new VitessCluster();
    cluster.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put(
        "images",
        Map.of(
            "vttablet",
            "vitess/lite:v21.0.3",
            "mysqld",
            Map.of("mysql80Compatible", "vitess/lite:v21.0.3")));
    spec.put(
        "globalLockserver",
        Map.of(
            "external",
            Map.of("implementation", "etcd2", "address", "etcd:2379", "rootPath", "/vitess")));
    spec.put("backup", Map.of("locations", List.of(Map.of("gcs", Map.of("bucket", "backups")))));
    spec.put(
        "cells",
        java.util.Arrays.stream(cells)
            .map(cell -> Map.of("name", cell, "gateway", Map.of("replicas", 1)))
            .toList());
    spec.put("keyspaces", List.of(commerceKeyspace()));
    spec.put("updateStrategy", Map.of("type", "Immediate"));
    cluster.setSpec(spec);
    return cluster;
  }

  /** The admin's own keyspace in {@link #vitessCluster}: one equal shard in the first cell. */
  public static Map<String, Object> commerceKeyspace() {
    return Map.of(
        "name",
        "commerce",
        "turndownPolicy",
        "Immediate",
        "partitionings",
        List.of(
            Map.of(
                "equal",
                Map.of(
                    "parts",
                    1,
                    "shardTemplate",
                    Map.of(
                        "databaseInitScriptSecret",
                        Map.of("name", "commerce-config", "key", "init_db.sql"),
                        "tabletPools",
                        List.of(
                            Map.of(
                                "cell",
                                "rz00",
                                "type",
                                "replica",
                                "replicas",
                                2,
                                "vttablet",
                                Map.of("resources", Map.of()))))))));
  }

  /** CellFunction payment: keyspace payment, one trigger, optional capacity windows. */
  public static CellFunction function(String name, CellFunctionSpec.CapacityWindow... windows) {
    CellFunction function = new CellFunction();
    function.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    function.setSpec(
        new CellFunctionSpec(
            "example/" + name + ":1",
            "pay;paymentQuery",
            "payment",
            List.of(new CellFunctionSpec.Trigger("payment.events", "billing", 8, 200)),
            List.of("billing.changes"),
            new CellFunctionSpec.Scaling(50, 1, 30, 1, false),
            windows.length == 0 ? null : List.of(windows),
            new CellFunctionSpec.Resources("500m", "768Mi"),
            null,
            null));
    return function;
  }

  public static FailoverDatabase failover(String cell, String peer, WriteTarget target) {
    FailoverDatabase database = new FailoverDatabase();
    database.setMetadata(
        new ObjectMetaBuilder().withName("payment-" + cell).withNamespace(NAMESPACE).build());
    database.setSpec(
        new FailoverDatabaseSpec(
            cell,
            new FailoverDatabaseSpec.Database("payment", null),
            new FailoverDatabaseSpec.FailoverTarget(peer, "payment_failover_" + cell, null),
            FailoverMode.Flow,
            FailoverTrigger.Manual,
            target,
            null));
    return database;
  }
}
