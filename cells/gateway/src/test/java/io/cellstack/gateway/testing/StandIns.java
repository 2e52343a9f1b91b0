package io.cellstack.gateway.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** The stand-in functions of the four test cells, one set per test JVM. */
public final class StandIns {

  private static StandIns instance;

  private final Map<String, StandIn> cells = new LinkedHashMap<>();

  private StandIns() {
    for (String cell : RoutingFixture.CELLS) {
      cells.put(cell, new StandIn(cell));
    }
  }

  /** The stand-ins of this test JVM. */
  public static synchronized StandIns get() {
    if (instance == null) {
      instance = new StandIns();
    }
    return instance;
  }

  /** The stand-in of {@code cell}. */
  public StandIn of(String cell) {
    return cells.get(cell);
  }

  /** All of them, by cell. */
  public Map<String, StandIn> all() {
    return cells;
  }

  /** Forgets every recorded request and makes every stand-in answer 200 again. */
  public void resetAll() {
    cells.values().forEach(StandIn::reset);
  }
}
