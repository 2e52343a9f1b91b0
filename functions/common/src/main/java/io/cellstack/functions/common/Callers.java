package io.cellstack.functions.common;

import io.cellstack.core.routing.SlotRoute;
import io.cellstack.spring.CurrentRoute;

/** The user a function call acts for, as the ownership filter admitted it. */
public final class Callers {

  private Callers() {}

  /** The caller: uid and the route (slot, epoch) this cell serves it at. */
  public record Caller(String uid, SlotRoute route) {}

  /**
   * The current caller.
   *
   * @throws FunctionProblem 400 when the request named no user
   */
  public static Caller current() {
    return CurrentRoute.uid()
        .flatMap(uid -> CurrentRoute.get().map(route -> new Caller(uid, route)))
        .orElseThrow(
            () ->
                FunctionProblem.badRequest(
                    "missing-uid",
                    "the request names no user: send X-Cellstack-Uid (the gateway sets it from the token) or ce-subject"));
  }
}
