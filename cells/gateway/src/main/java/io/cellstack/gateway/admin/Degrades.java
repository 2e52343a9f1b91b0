package io.cellstack.gateway.admin;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The functions an operator has degraded: their requests get 503 at once, sparing the cells. Held
 * in memory by each gateway instance; with several replicas, flip every one.
 */
@Component
public class Degrades {

  private final Set<String> degraded = ConcurrentHashMap.newKeySet();

  /** Degrades {@code function}; returns whether it was not degraded before. */
  public boolean degrade(String function) {
    return degraded.add(function);
  }

  /** Restores {@code function}; returns whether it was degraded. */
  public boolean restore(String function) {
    return degraded.remove(function);
  }

  /** Whether {@code function} is degraded. */
  public boolean isDegraded(String function) {
    return !degraded.isEmpty() && degraded.contains(function);
  }

  /** The degraded functions, sorted. */
  public SortedSet<String> all() {
    return new TreeSet<>(degraded);
  }
}
