package io.cellstack.starter.routing;

import io.cellstack.core.id.CellstackId;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.starter.CellIdentity;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether this cell serves a request's user right now. Every function asks before touching data; a
 * cell never answers for a slot it does not serve at the current epoch.
 */
public final class Ownership {

  private final CellIdentity self;
  private final Supplier<Optional<RoutingTable>> routing;

  /** Ownership of {@code self} under the table {@code routing} supplies. */
  public Ownership(CellIdentity self, Supplier<Optional<RoutingTable>> routing) {
    this.self = self;
    this.routing = routing;
  }

  /** The verdict for user {@code uid} (a malformed uid throws IllegalArgumentException). */
  public Verdict ofUid(String uid) {
    return routing
        .get()
        .map(table -> verdict(table, table.routeOfUid(uid)))
        .orElseGet(Verdict.NoTable::new);
  }

  /** The verdict for the record named by minted id {@code id}. */
  public Verdict ofId(String id) {
    CellstackId.slotOf(id);
    return routing
        .get()
        .map(table -> verdict(table, table.routeOfId(id)))
        .orElseGet(Verdict.NoTable::new);
  }

  private Verdict verdict(RoutingTable table, SlotRoute route) {
    return route.serving().equals(self.cell())
        ? new Verdict.Serve(route)
        : new Verdict.Misdirected(route, table.epoch());
  }

  /** What to do with a request. */
  public sealed interface Verdict {

    /** This cell serves the slot: go ahead, writing with the route's epoch. */
    record Serve(SlotRoute route) implements Verdict {}

    /** Another cell serves it: answer 421 naming that cell. */
    record Misdirected(SlotRoute route, long tableEpoch) implements Verdict {

      /** The {@code application/problem+json} body of the 421 answer. */
      public String problemJson(String instance) {
        return "{\"type\":\"https://cellstack.io/problems/misdirected\",\"title\":\"Misdirected Request\",\"status\":421,"
            + "\"detail\":\"slot "
            + route.slot()
            + " is served by cell "
            + route.serving()
            + " at epoch "
            + route.epoch()
            + "\","
            + "\"instance\":\""
            + instance.replace("\"", "")
            + "\",\"slot\":"
            + route.slot()
            + ",\"servingCell\":\""
            + route.serving()
            + "\",\"epoch\":"
            + route.epoch()
            + ",\"tableEpoch\":"
            + tableEpoch
            + "}";
      }
    }

    /** No routing table has been read yet: answer 503 and let the caller retry. */
    record NoTable() implements Verdict {}
  }
}
