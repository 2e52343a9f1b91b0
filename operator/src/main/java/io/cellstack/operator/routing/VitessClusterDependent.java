package io.cellstack.operator.routing;

import io.cellstack.api.v1alpha1.ShardMap;
import io.cellstack.operator.naming.Names;
import io.cellstack.operator.status.NamespaceMappers;
import io.cellstack.operator.vitess.VitessCluster;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a ShardMap's keyspace entries into the VitessCluster a platform admin created. Updates
 * only: the operator never creates, owns or deletes a VitessCluster. The desired cluster is the one
 * read with the map's entries merged in ({@link io.cellstack.operator.vitess.ClusterKeyspaces}).
 *
 * <p>The framework's update (server-side apply off) PUTs the cached cluster with the desired spec,
 * so it carries the cache's resourceVersion, not the one the plan was merged from. {@link #match}
 * therefore writes only when the two are the same version: a newer cached version means someone
 * changed the cluster since the plan was made, so this pass writes nothing and the informer event
 * of that version starts a pass that merges again; a change the cache has not seen yet fails the
 * PUT with 409 and the pass is retried.
 */
public class VitessClusterDependent extends KubernetesDependentResource<VitessCluster, ShardMap>
    implements Updater<VitessCluster, ShardMap> {

  /** Name of the dependent and of its event source. */
  public static final String NAME = "vitess-cluster";

  /** A dependent on VitessClusters. */
  public VitessClusterDependent() {
    super(VitessCluster.class);
  }

  @Override
  protected VitessCluster desired(ShardMap map, Context<ShardMap> context) {
    return ShardMapReconciler.vitessPlan(context).orElseThrow().desired().orElseThrow();
  }

  /**
   * Matched when the specs are equal, and also when {@code actual} is not the version the plan was
   * merged from: writing then would put an older merge over someone else's newer change.
   */
  @Override
  public Matcher.Result<VitessCluster> match(
      VitessCluster actual, VitessCluster desired, ShardMap map, Context<ShardMap> context) {
    boolean stale =
        !Objects.equals(
            actual.getMetadata().getResourceVersion(), desired.getMetadata().getResourceVersion());
    return Matcher.Result.computed(
        stale || Objects.equals(actual.getSpec(), desired.getSpec()), desired);
  }

  @Override
  protected ResourceID targetSecondaryResourceID(ShardMap map, Context<ShardMap> context) {
    return new ResourceID(Names.vitessCluster(map), map.getMetadata().getNamespace());
  }

  @Override
  public Optional<VitessCluster> getSecondaryResource(ShardMap map, Context<ShardMap> context) {
    return eventSource().flatMap(source -> source.get(targetSecondaryResourceID(map, context)));
  }

  @Override
  protected Optional<SecondaryToPrimaryMapper<VitessCluster>> getSecondaryToPrimaryMapper(
      EventSourceContext<ShardMap> context) {
    // The admin's cluster names no ShardMap; any change to it concerns the maps beside it.
    return Optional.of(NamespaceMappers.toPrimariesInNamespace(context));
  }

  @Override
  protected boolean addOwnerReference() {
    return false; // the admin's object: never garbage-collected with a ShardMap
  }
}
