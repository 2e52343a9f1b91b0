package io.cellstack.gateway.routing;

import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.gateway.grey.GreyRequest;
import io.cellstack.gateway.grey.GreyRules;
import io.cellstack.gateway.grey.Lane;
import org.springframework.http.HttpHeaders;

/** uid → slot → serving cell → grey lane → base URL: the one routing decision of the gateway. */
public final class CellRouter {

  private final FunctionTargets targets;
  private final GreyRules greyRules;

  /** A router asking {@code greyRules} for lanes and {@code targets} for URLs. */
  public CellRouter(FunctionTargets targets, GreyRules greyRules) {
    this.targets = targets;
    this.greyRules = greyRules;
  }

  /** The route of {@code uid} (already validated) calling {@code function} under {@code table}. */
  public CellRoute route(RoutingTable table, String function, String uid, HttpHeaders headers) {
    SlotRoute route = table.routeOfUid(uid);
    Lane lane =
        greyRules.laneOf(new GreyRequest(function, uid, route.slot(), route.serving(), headers));
    return new CellRoute(
        function,
        uid,
        route.slot(),
        route.serving(),
        route.epoch(),
        lane,
        targets.baseOf(function, route.serving(), lane));
  }
}
