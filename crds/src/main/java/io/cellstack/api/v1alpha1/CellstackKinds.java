package io.cellstack.api.v1alpha1;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** Every Cellstack kind, in the order a cluster should receive them. */
public final class CellstackKinds {

  /** The resource classes: Cells first, then what refers to them. */
  public static final List<Class<? extends HasMetadata>> ALL =
      List.of(
          Cell.class,
          ShardMap.class,
          FailoverDatabase.class,
          CellFunction.class,
          GreyRollout.class,
          BatchSchedule.class);

  private CellstackKinds() {}

  /** The class of {@code kind}, or null when no Cellstack kind has that name. */
  public static Class<? extends HasMetadata> byKind(String kind) {
    return ALL.stream().filter(c -> HasMetadata.getKind(c).equals(kind)).findFirst().orElse(null);
  }

  /** The kind names, for messages. */
  public static List<String> names() {
    return ALL.stream().map(HasMetadata::getKind).toList();
  }

  /** The CRD file the build generates for {@code type}: {@code <plural>.<group>-v1.yml}. */
  public static String crdFileName(Class<? extends HasMetadata> type) {
    return HasMetadata.getPlural(type) + "." + ApiGroup.GROUP + "-v1.yml";
  }
}
