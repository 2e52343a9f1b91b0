package io.cellstack.operator.routing;

import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.operator.vitess.VitessKeyspace;
import io.cellstack.operator.vitess.VitessObjects;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.BulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One VitessKeyspace per keyspace, its shards on the cells' slot boundaries. Kept as they were
 * while the topology is invalid; a keyspace removed from the ShardMap is left to a person, since
 * dropping a keyspace drops data.
 */
public class VitessKeyspacesDependent extends KubernetesDependentResource<VitessKeyspace, ShardMap>
    implements Creator<VitessKeyspace, ShardMap>,
        Updater<VitessKeyspace, ShardMap>,
        BulkDependentResource<VitessKeyspace, ShardMap, String> {

  /** A dependent on VitessKeyspaces. */
  public VitessKeyspacesDependent() {
    super(VitessKeyspace.class);
  }

  @Override
  public Map<String, VitessKeyspace> desiredResources(ShardMap map, Context<ShardMap> context) {
    return VitessObjects.keyspaces(map, ShardMapReconciler.decision(context).table().orElseThrow());
  }

  @Override
  public Map<String, VitessKeyspace> getSecondaryResources(
      ShardMap map, Context<ShardMap> context) {
    return context
        .getSecondaryResourcesAsStream(VitessKeyspace.class)
        .collect(Collectors.toMap(k -> k.getMetadata().getName(), Function.identity()));
  }

  @Override
  public void deleteTargetResource(
      ShardMap map, VitessKeyspace keyspace, String name, Context<ShardMap> context) {
    // Never drop a keyspace on behalf of a user: it holds money.
  }

  @Override
  protected boolean addOwnerReference() {
    return false; // no garbage collection of a keyspace with its ShardMap either
  }
}
