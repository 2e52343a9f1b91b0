package io.cellstack.operator.routing;

import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.operator.naming.Names;
import io.cellstack.operator.vitess.VitessObjects;
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
 * The VSchema ConfigMap of a ShardMap's keyspaces; kept as it was while the topology is invalid.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Names.MANAGED_BY + "=" + Names.OPERATOR))
public class VSchemaConfigMapDependent extends KubernetesDependentResource<ConfigMap, ShardMap>
    implements Creator<ConfigMap, ShardMap>, Updater<ConfigMap, ShardMap> {

  /** Name of the dependent and of its event source. */
  public static final String NAME = "vschema";

  /** A dependent on ConfigMaps. */
  public VSchemaConfigMapDependent() {
    super(ConfigMap.class);
  }

  @Override
  protected ConfigMap desired(ShardMap map, Context<ShardMap> context) {
    return VitessObjects.vschemas(map);
  }

  @Override
  protected ResourceID targetSecondaryResourceID(ShardMap map, Context<ShardMap> context) {
    return new ResourceID(
        Names.vschemaConfigMap(map.getMetadata().getName()), map.getMetadata().getNamespace());
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
