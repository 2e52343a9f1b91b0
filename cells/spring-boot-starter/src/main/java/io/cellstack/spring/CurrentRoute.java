package io.cellstack.spring;

import io.cellstack.core.routing.SlotRoute;
import java.util.Optional;

/**
 * The route of the user the current request acts for, set by {@link OwnershipFilter} once this cell
 * is known to serve it: functions write with its {@code (slot, epoch)}.
 */
public final class CurrentRoute {

  private static final ThreadLocal<SlotRoute> ROUTE = new ThreadLocal<>();
  private static final ThreadLocal<String> UID = new ThreadLocal<>();

  private CurrentRoute() {}

  /** The route of the current request's user, if the request named one. */
  public static Optional<SlotRoute> get() {
    return Optional.ofNullable(ROUTE.get());
  }

  /** The uid the current request acts for, if it named one. */
  public static Optional<String> uid() {
    return Optional.ofNullable(UID.get());
  }

  static void set(String uid, SlotRoute route) {
    UID.set(uid);
    ROUTE.set(route);
  }

  static void clear() {
    UID.remove();
    ROUTE.remove();
  }
}
