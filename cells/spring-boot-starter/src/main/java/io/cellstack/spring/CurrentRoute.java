package io.cellstack.spring;

import io.cellstack.core.routing.SlotRoute;
import java.util.Optional;

/**
 * The route of the user the current request acts for, set by {@link OwnershipFilter} once this cell
 * is known to serve it: functions write with its {@code (slot, epoch)}.
 */
public final class CurrentRoute {

  private static final ThreadLocal<SlotRoute> ROUTE = new ThreadLocal<>();

  private CurrentRoute() {}

  /** The route of the current request's user, if the request named one. */
  public static Optional<SlotRoute> get() {
    return Optional.ofNullable(ROUTE.get());
  }

  static void set(SlotRoute route) {
    ROUTE.set(route);
  }

  static void clear() {
    ROUTE.remove();
  }
}
