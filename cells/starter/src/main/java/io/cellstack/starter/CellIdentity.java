package io.cellstack.starter;

import java.util.Map;

/**
 * Which cell this function instance runs in, from the environment the operator sets on its Knative
 * Service.
 */
public record CellIdentity(String cell, String region, String zone) {

  /**
   * Reads {@code CELLSTACK_CELL}, {@code CELLSTACK_REGION} and {@code CELLSTACK_ZONE}.
   *
   * @throws IllegalArgumentException naming the variable that is missing
   */
  public static CellIdentity fromEnvironment(Map<String, String> env) {
    return new CellIdentity(
        required(env, "CELLSTACK_CELL"),
        required(env, "CELLSTACK_REGION"),
        env.getOrDefault("CELLSTACK_ZONE", ""));
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          name + " is not set; the operator sets it on every function's Knative Service");
    }
    return value.trim();
  }
}
