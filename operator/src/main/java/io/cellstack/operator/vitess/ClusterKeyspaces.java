package io.cellstack.operator.vitess;

import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.api.v1alpha1.ShardMapSpec;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.operator.naming.Names;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges a ShardMap's keyspace entries into its VitessCluster's {@code spec.keyspaces}, a pure
 * function of the map, its routing table and the cluster as read. That list is atomic for
 * server-side apply (no {@code x-kubernetes-list-type} in the vitess-operator's CRD), so the whole
 * spec is written back: every other field and every other keyspace exactly as read.
 *
 * <p>Nothing is ever removed. A keyspace dropped from the map stays. A layout whose key ranges
 * differ from the entry's is added as a second partitioning beside the first, the way Vitess
 * reshards; a person moves the data ({@code vtctldclient Reshard}) and removes the old one. Inside
 * a partitioning with the same key ranges, only what the map declares is set: shard annotations,
 * init script and the replica pool of the owning cell; other pools and fields stay.
 */
public final class ClusterKeyspaces {

  private ClusterKeyspaces() {}

  /** The plan for {@code map}'s keyspaces given {@code cluster}, empty when it does not exist. */
  public static VitessPlan plan(ShardMap map, RoutingTable table, Optional<VitessCluster> cluster) {
    String mapName = map.getMetadata().getName();
    String name = Names.vitessCluster(map);
    List<ShardMapSpec.Keyspace> keyspaces = map.getSpec().keyspacesOrEmpty();
    List<String> names = keyspaces.stream().map(ShardMapSpec.Keyspace::name).sorted().toList();
    if (keyspaces.isEmpty()) {
      return new VitessPlan(name, names, Optional.empty(), Optional.empty());
    }
    String namespace = map.getMetadata().getNamespace();
    if (cluster.isEmpty()) {
      return blocked(
          name,
          names,
          "VitessClusterMissing",
          "VitessCluster "
              + name
              + " does not exist in namespace "
              + namespace
              + ", so keyspaces "
              + String.join(", ", names)
              + " are not declared in Vitess: a platform admin creates it (cells, lockserver,"
              + " images, backup), or spec.vitess.cluster names an existing one");
    }
    Map<String, Object> spec = Trees.copyMap(cluster.get().getSpec());
    Set<String> missing = missingCells(spec, table);
    if (!missing.isEmpty()) {
      return blocked(name, names, "VitessCellMissing", missingCellsMessage(name, names, missing));
    }
    List<Object> entries = Trees.copyList(spec.get("keyspaces"));
    List<String> conflicts = new ArrayList<>();
    for (String keyspace : names) {
      Map<String, Object> entry = find(entries, keyspace);
      if (entry != null && !mapName.equals(annotation(entry))) {
        conflicts.add(keyspace);
      }
    }
    if (!conflicts.isEmpty()) {
      return blocked(
          name,
          names,
          "VitessKeyspaceConflict",
          "VitessCluster "
              + name
              + " already declares keyspace "
              + String.join(", ", conflicts)
              + " without annotation "
              + VitessObjects.SHARD_MAP_ANNOTATION
              + "="
              + mapName
              + "; nothing was written to it: rename the keyspace in the ShardMap, or set that"
              + " annotation on the entry to hand it over");
    }
    List<String> resharding = new ArrayList<>();
    List<String> stuck = new ArrayList<>();
    for (ShardMapSpec.Keyspace keyspace : keyspaces) {
      Map<String, Object> wanted = VitessObjects.keyspace(map, keyspace, table);
      Map<String, Object> entry = find(entries, keyspace.name());
      if (entry == null) {
        entries.add(wanted);
        continue;
      }
      if (!merge(entry, wanted)) {
        stuck.add(keyspace.name());
      }
      if (Trees.list(entry.get("partitionings")).size() > 1) {
        resharding.add(keyspace.name());
      }
    }
    spec.put("keyspaces", entries);
    VitessCluster desired = new VitessCluster();
    // copies: the framework may annotate what it writes, and the cluster read is the cache's
    desired.setMetadata(new ObjectMetaBuilder(cluster.get().getMetadata()).build());
    desired.setSpec(spec);
    desired.setStatus(
        cluster.get().getStatus() == null ? null : Trees.copyMap(cluster.get().getStatus()));
    return new VitessPlan(name, names, Optional.of(desired), reshardIssue(name, resharding, stuck));
  }

  private static VitessPlan blocked(
      String cluster, List<String> keyspaces, String reason, String message) {
    return new VitessPlan(
        cluster, keyspaces, Optional.empty(), Optional.of(new VitessPlan.Issue(reason, message)));
  }

  /** The cells owning slots that {@code spec.cells} lacks. */
  private static Set<String> missingCells(Map<String, Object> spec, RoutingTable table) {
    Set<String> declared = new TreeSet<>();
    for (Object cell : Trees.list(spec.get("cells"))) {
      if (cell instanceof Map<?, ?> c && c.get("name") instanceof String n) {
        declared.add(n);
      }
    }
    Set<String> missing = new TreeSet<>();
    for (int slot = 0; slot < table.slots(); slot++) {
      String owner = table.route(slot).owner();
      if (!declared.contains(owner)) {
        missing.add(owner);
      }
    }
    return missing;
  }

  private static String missingCellsMessage(String cluster, List<String> names, Set<String> cells) {
    String message =
        "VitessCluster "
            + cluster
            + " has no cell "
            + String.join(", ", cells)
            + " in spec.cells, where shards of keyspaces "
            + String.join(", ", names)
            + " belong; nothing was written to it: add the cell to the VitessCluster";
    if (cells.stream().anyMatch(c -> c.contains("-"))) {
      message += " (Vitess cell names take letters, digits, '_' and '.', not '-')";
    }
    return message;
  }

  private static Optional<VitessPlan.Issue> reshardIssue(
      String cluster, List<String> resharding, List<String> stuck) {
    if (!stuck.isEmpty()) {
      return Optional.of(
          new VitessPlan.Issue(
              "ReshardPending",
              "keyspace "
                  + String.join(", ", stuck)
                  + " already has two partitionings in VitessCluster "
                  + cluster
                  + ", so the new slot layout cannot be added: finish that resharding and remove"
                  + " the first partitioning"));
    }
    if (!resharding.isEmpty()) {
      return Optional.of(
          new VitessPlan.Issue(
              "ReshardPending",
              "keyspace "
                  + String.join(", ", resharding)
                  + " has the shards of the new slot layout beside the old ones in VitessCluster "
                  + cluster
                  + ": move the data with a Vitess Reshard workflow (vtctldclient Reshard create,"
                  + " SwitchTraffic, complete), then remove the first partitioning"));
    }
    return Optional.empty();
  }

  /**
   * Merges {@code wanted} (one partitioning) into {@code entry} in place; false when the entry
   * already has two partitionings and neither has the wanted key ranges.
   */
  private static boolean merge(Map<String, Object> entry, Map<String, Object> wanted) {
    entry.put("annotations", Trees.union(entry.get("annotations"), wanted.get("annotations")));
    List<Object> partitionings = Trees.copyList(entry.get("partitionings"));
    Map<String, Object> partitioning = Trees.map(Trees.list(wanted.get("partitionings")).get(0));
    List<List<String>> ranges = keyRanges(partitioning);
    boolean merged = false;
    for (int i = 0; i < partitionings.size() && !merged; i++) {
      if (ranges.equals(keyRanges(Trees.map(partitionings.get(i))))) {
        partitionings.set(i, mergePartitioning(Trees.map(partitionings.get(i)), partitioning));
        merged = true;
      }
    }
    if (!merged && partitionings.size() >= 2) {
      return false;
    }
    if (!merged) {
      partitionings.add(partitioning);
    }
    entry.put("partitionings", partitionings);
    return true;
  }

  private static Map<String, Object> mergePartitioning(
      Map<String, Object> existing, Map<String, Object> wanted) {
    Map<String, Object> custom = Trees.copyMap(existing.get("custom"));
    List<Object> shards = Trees.copyList(custom.get("shards"));
    for (Object w : Trees.list(Trees.map(wanted.get("custom")).get("shards"))) {
      Map<String, Object> want = Trees.map(w);
      for (int i = 0; i < shards.size(); i++) {
        Map<String, Object> shard = Trees.map(shards.get(i));
        if (range(shard).equals(range(want))) {
          shard.put("annotations", Trees.union(shard.get("annotations"), want.get("annotations")));
          shard.put("databaseInitScriptSecret", want.get("databaseInitScriptSecret"));
          shard.put("tabletPools", mergePools(shard.get("tabletPools"), want.get("tabletPools")));
          shards.set(i, shard);
        }
      }
    }
    custom.put("shards", shards);
    existing.put("custom", custom);
    return existing;
  }

  /** Sets the declared pools over those with the same type, cell and name; keeps the others. */
  private static List<Object> mergePools(Object existing, Object wanted) {
    List<Object> pools = Trees.copyList(existing);
    for (Object w : Trees.list(wanted)) {
      Map<String, Object> want = Trees.map(w);
      int at = -1;
      for (int i = 0; i < pools.size() && at < 0; i++) {
        if (poolKey(Trees.map(pools.get(i))).equals(poolKey(want))) {
          at = i;
        }
      }
      if (at < 0) {
        pools.add(Trees.copyMap(want));
        continue;
      }
      Map<String, Object> pool = Trees.map(pools.get(at));
      for (Map.Entry<String, Object> field : want.entrySet()) {
        boolean container = field.getKey().equals("vttablet") || field.getKey().equals("mysqld");
        pool.put(
            field.getKey(),
            container
                ? Trees.union(pool.get(field.getKey()), field.getValue())
                : Trees.copy(field.getValue()));
      }
      pools.set(at, pool);
    }
    return pools;
  }

  private static List<Object> poolKey(Map<String, Object> pool) {
    return List.of(
        String.valueOf(pool.get("type")),
        String.valueOf(pool.get("cell")),
        pool.get("name") == null ? "" : String.valueOf(pool.get("name")));
  }

  /** The key ranges of a custom partitioning's shards; null for any other partitioning. */
  private static List<List<String>> keyRanges(Map<String, Object> partitioning) {
    if (!(partitioning.get("custom") instanceof Map<?, ?> custom)) {
      return null;
    }
    List<List<String>> ranges = new ArrayList<>();
    for (Object shard : Trees.list(custom.get("shards"))) {
      ranges.add(range(Trees.map(shard)));
    }
    return ranges;
  }

  private static List<String> range(Map<String, Object> shard) {
    Map<String, Object> keyRange = Trees.map(shard.get("keyRange"));
    return List.of(
        Objects.toString(keyRange.get("start"), ""), Objects.toString(keyRange.get("end"), ""));
  }

  private static Map<String, Object> find(List<Object> entries, String keyspace) {
    for (Object entry : entries) {
      if (entry instanceof Map<?, ?> e && keyspace.equals(e.get("name"))) {
        return Trees.map(entry);
      }
    }
    return null;
  }

  private static Object annotation(Map<String, Object> entry) {
    return Trees.map(entry.get("annotations")).get(VitessObjects.SHARD_MAP_ANNOTATION);
  }
}
