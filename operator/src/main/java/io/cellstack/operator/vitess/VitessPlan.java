package io.cellstack.operator.vitess;

import java.util.List;
import java.util.Optional;

/**
 * What one pass does about a ShardMap's keyspaces in its VitessCluster.
 *
 * @param cluster the VitessCluster's name
 * @param keyspaces the ShardMap's keyspaces, sorted
 * @param desired the VitessCluster with the map's entries, when it may be written
 * @param issue why the map is not Ready on the Vitess side, if it is not
 */
public record VitessPlan(
    String cluster,
    List<String> keyspaces,
    Optional<VitessCluster> desired,
    Optional<Issue> issue) {

  /**
   * Why the keyspaces are not (all) in place, as a status condition reason and message.
   *
   * @param reason CamelCase reason
   * @param message what is wrong and how to fix it
   */
  public record Issue(String reason, String message) {}

  /** Whether the VitessCluster is to be written. */
  public boolean writes() {
    return desired.isPresent();
  }
}
