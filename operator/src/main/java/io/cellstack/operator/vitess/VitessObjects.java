package io.cellstack.operator.vitess;

import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.api.v1alpha1.ShardMapSpec;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.operator.naming.Names;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The desired Vitess objects of a ShardMap: one VitessKeyspace per keyspace and the VSchemas. */
public final class VitessObjects {

  /** Component label of Vitess objects. */
  public static final String COMPONENT = "vitess";

  private VitessObjects() {}

  /** One VitessKeyspace per keyspace of {@code map}, by name. */
  public static Map<String, VitessKeyspace> keyspaces(ShardMap map, RoutingTable table) {
    Map<String, VitessKeyspace> keyspaces = new TreeMap<>();
    for (ShardMapSpec.Keyspace keyspace : keyspacesOf(map)) {
      List<Map<String, Object>> shards =
          VitessLayout.shards(keyspace, table).stream()
              .map(
                  shard -> {
                    Map<String, Object> s = new LinkedHashMap<>();
                    Map<String, Object> keyRange = new LinkedHashMap<>();
                    keyRange.put("start", shard.start());
                    keyRange.put("end", shard.end());
                    s.put("keyRange", keyRange);
                    s.put(
                        "annotations",
                        Map.of(
                            Names.CELL_LABEL,
                            shard.cell(),
                            "cellstack.io/slots",
                            shard.slots().toString()));
                    s.put(
                        "tabletPools",
                        List.of(Map.of("cell", shard.cell(), "type", "replica", "replicas", 2)));
                    return s;
                  })
              .toList();
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("name", keyspace.name());
      spec.put("partitionings", List.of(Map.of("custom", Map.of("shards", shards))));
      VitessKeyspace object = new VitessKeyspace();
      object.setMetadata(
          new ObjectMetaBuilder()
              .withName(Names.vitessKeyspace(keyspace.name()))
              .withNamespace(map.getMetadata().getNamespace())
              .withLabels(labels(map))
              .build());
      object.setSpec(spec);
      keyspaces.put(object.getMetadata().getName(), object);
    }
    return keyspaces;
  }

  /**
   * The ConfigMap with {@code <keyspace>.json} VSchemas, ready for {@code vtctldclient
   * ApplyVSchema}.
   */
  public static ConfigMap vschemas(ShardMap map) {
    Map<String, String> data = new TreeMap<>();
    keyspacesOf(map).forEach(k -> data.put(k.name() + ".json", VitessLayout.vschema(k)));
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(Names.vschemaConfigMap(map.getMetadata().getName()))
        .withNamespace(map.getMetadata().getNamespace())
        .withLabels(labels(map))
        .endMetadata()
        .withData(data)
        .build();
  }

  private static List<ShardMapSpec.Keyspace> keyspacesOf(ShardMap map) {
    return map.getSpec().keyspaces() == null ? List.of() : map.getSpec().keyspaces();
  }

  private static Map<String, String> labels(ShardMap map) {
    Map<String, String> labels = new TreeMap<>(Names.labels(map, COMPONENT));
    labels.put(Names.SHARD_MAP_LABEL, map.getMetadata().getName());
    return labels;
  }
}
