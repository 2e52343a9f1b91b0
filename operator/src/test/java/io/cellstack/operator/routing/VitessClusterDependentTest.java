package io.cellstack.operator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.operator.Fixtures;
import io.cellstack.operator.vitess.VitessCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the dependent writes the admin's VitessCluster, without any server. */
class VitessClusterDependentTest {

  private static final String[] CELLS = {"rz00", "rz01"};

  private final VitessClusterDependent dependent = new VitessClusterDependent();

  @Test
  void writesAMergeMadeFromTheVersionInTheCache() {
    VitessCluster actual = cluster("7");
    VitessCluster desired = merged(cluster("7"));

    assertThat(dependent.match(actual, desired, null, null).matched()).isFalse();
  }

  @Test
  void writesNothingWhenTheSpecIsAlreadyAsMerged() {
    assertThat(dependent.match(cluster("7"), cluster("7"), null, null).matched()).isTrue();
  }

  @Test
  void neverWritesAMergeOfAnOlderVersionOverANewerOne() {
    VitessCluster actual = cluster("8");
    VitessCluster desired = merged(cluster("7"));

    assertThat(dependent.match(actual, desired, null, null).matched()).isTrue();
  }

  private static VitessCluster cluster(String resourceVersion) {
    VitessCluster cluster = Fixtures.vitessCluster("main", CELLS);
    cluster.getMetadata().setResourceVersion(resourceVersion);
    return cluster;
  }

  private static VitessCluster merged(VitessCluster cluster) {
    cluster.getSpec().put("keyspaces", List.of());
    return cluster;
  }
}
