package io.cellstack.operator.functions;

import io.cellstack.operator.naming.Names;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

/** The routing ConfigMap as a read-only file in every pod that routes (functions, bridges). */
public final class RoutingVolume {

  private static final String NAME = "routing";

  private RoutingVolume() {}

  /** The volume backed by ConfigMap {@code cellstack-routing}. */
  public static Volume volume() {
    return new VolumeBuilder()
        .withName(NAME)
        .withNewConfigMap()
        .withName(Names.ROUTING_CONFIG_MAP)
        .endConfigMap()
        .build();
  }

  /** Its read-only mount at {@link Names#ROUTING_MOUNT_PATH}. */
  public static VolumeMount mount() {
    return new VolumeMountBuilder()
        .withName(NAME)
        .withMountPath(Names.ROUTING_MOUNT_PATH)
        .withReadOnly(true)
        .build();
  }
}
