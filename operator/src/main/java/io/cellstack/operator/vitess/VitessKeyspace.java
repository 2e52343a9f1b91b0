package io.cellstack.operator.vitess;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.Map;

/**
 * The Vitess operator's {@code planetscale.com/v2 VitessKeyspace}, typed just enough to be created
 * and compared; its spec stays a plain map in the Vitess operator's own shape.
 */
@Group("planetscale.com")
@Version("v2")
@Kind("VitessKeyspace")
@Plural("vitesskeyspaces")
public class VitessKeyspace extends CustomResource<Map<String, Object>, Map<String, Object>>
    implements Namespaced {}
