package io.cellstack.gateway.grey;

import java.util.regex.Pattern;

/**
 * Which version of a function takes a request: {@code stable}, or a grey lane named like a Knative
 * traffic tag (which becomes part of a host name, so a DNS label).
 */
public record Lane(String name) {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** The released version. */
  public static final Lane STABLE = new Lane("stable");

  /** Checks the name. */
  public Lane {
    if (name == null || !DNS_LABEL.matcher(name).matches()) {
      throw new IllegalArgumentException("lane '" + name + "' is not a DNS label");
    }
  }

  /** Whether this is the released version. */
  public boolean isStable() {
    return name.equals(STABLE.name);
  }
}
