package io.cellstack.functions.common;

import io.cellstack.starter.CellIdentity;

/**
 * Pulsar topics of a cell as the operator creates them: {@code
 * persistent://cellstack/<cell>/<topic>} (tenant {@code cellstack}, one namespace per cell).
 */
public final class CellTopics {

  private CellTopics() {}

  /** {@code configured} when set, else topic {@code name} of this cell. */
  public static String topic(String configured, CellIdentity self, String name) {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    return "persistent://cellstack/" + self.cell() + "/" + name;
  }
}
