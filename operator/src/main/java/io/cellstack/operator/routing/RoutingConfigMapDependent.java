package io.cellstack.operator.routing;

import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.operator.naming.Names;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Optional;

/**
 * Publishes the routing table. Creates and updates, never deletes: when the topology turns invalid
 * the precondition fails and the last good table stays (the owner reference still lets Kubernetes
 * remove it with its ShardMap).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Names.MANAGED_BY + "=" + Names.OPERATOR))
public class RoutingConfigMapDependent extends KubernetesDependentResource<ConfigMap, ShardMap>
    implements Creator<ConfigMap, ShardMap>, Updater<ConfigMap, ShardMap> {

  /** Name of the dependent and of its event source. */
  public static final String NAME = "routing";

  /** A dependent on ConfigMaps. */
  public RoutingConfigMapDependent() {
    super(ConfigMap.class);
  }

  @Override
  protected ConfigMap desired(ShardMap map, Context<ShardMap> context) {
    return RoutingConfigMap.desired(
        map, ShardMapReconciler.decision(context).table().orElseThrow());
  }

  @Override
  protected ResourceID targetSecondaryResourceID(ShardMap map, Context<ShardMap> context) {
    return new ResourceID(Names.ROUTING_CONFIG_MAP, map.getMetadata().getNamespace());
  }

  @Override
  public Optional<ConfigMap> getSecondaryResource(ShardMap map, Context<ShardMap> context) {
    return eventSource().flatMap(source -> source.get(targetSecondaryResourceID(map, context)));
  }

  @Override
  protected boolean addOwnerReference() {
    return true;
  }
}
