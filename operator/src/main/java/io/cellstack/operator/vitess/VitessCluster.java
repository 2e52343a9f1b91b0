package io.cellstack.operator.vitess;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.Map;

/**
 * The Vitess operator's {@code planetscale.com/v2 VitessCluster}, which a platform admin creates
 * and the ShardMap controller only adds its keyspace entries to. Typed just enough to be read and
 * updated; spec and status stay plain maps in the Vitess operator's own shape, so every field the
 * admin set survives a round trip.
 */
@Group("planetscale.com")
@Version("v2")
@Kind("VitessCluster")
@Plural("vitessclusters")
public class VitessCluster extends CustomResource<Map<String, Object>, Map<String, Object>>
    implements Namespaced {}
