package io.cellstack.spring;

import io.cellstack.core.routing.CellHeaders;
import io.cellstack.core.slot.Uids;
import io.cellstack.starter.fencing.StaleEpochException;
import io.cellstack.starter.routing.Ownership;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits a request only when this cell serves its user at the current epoch. The user comes from
 * {@code X-Cellstack-Uid} (set by the gateway) or {@code ce-subject} (set by the event bridge);
 * requests naming no user (health checks) pass. Answers 421 problem+json naming the serving cell,
 * 400 for a malformed uid, 503 before a routing table is loaded. A caller that routed by a newer
 * table than this instance holds ({@code X-Cellstack-Epoch}, set by the gateway, above the table's
 * epoch) makes it re-read the routing file before it answers 421: during a slot move the gateway's
 * retry reaches the new cell within the cell's poll interval, and must not be sent back by a table
 * the cell simply has not re-read yet. The re-read is {@code RoutingTableFile.refreshIfOlderThan},
 * which reads only a file that changed, so a pod whose mount is not updated yet is not made to read
 * it for every request. Also keeps request headers that Spring Cloud Function copies into responses
 * from leaking back to the caller.
 */
public final class OwnershipFilter extends OncePerRequestFilter {

  /** Header carrying the uid a request acts for. */
  public static final String UID_HEADER = CellHeaders.UID;

  /** Header carrying the epoch of the table the caller routed by. */
  public static final String EPOCH_HEADER = CellHeaders.EPOCH;

  private static final Set<String> NEVER_ECHOED =
      Set.of("authorization", "cookie", "proxy-authorization", "x-cellstack-uid");

  private final Ownership ownership;
  private final LongConsumer rereadRoutingIfOlderThan;

  /**
   * @param ownership the verdicts of the current table
   * @param rereadRoutingIfOlderThan given the epoch a caller routed by, re-reads the routing file
   *     if the table held is older and the file may have changed ({@code
   *     RoutingTableFile::refreshIfOlderThan})
   */
  OwnershipFilter(Ownership ownership, LongConsumer rereadRoutingIfOlderThan) {
    this.ownership = ownership;
    this.rereadRoutingIfOlderThan = rereadRoutingIfOlderThan;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uid = request.getHeader(UID_HEADER);
    if (uid == null) {
      uid = request.getHeader("ce-subject");
    }
    HttpServletResponse guarded = new NoEchoResponse(response);
    if (uid == null) {
      chain.doFilter(request, guarded);
      return;
    }
    if (!Uids.isValid(uid)) {
      String reason;
      try {
        Uids.requireValid(uid);
        reason = "malformed uid";
      } catch (IllegalArgumentException e) {
        reason = e.getMessage();
      }
      Problems.write(response, 400, "Malformed uid", reason, request.getRequestURI());
      return;
    }
    Ownership.Verdict verdict = ownership.ofUid(uid);
    if (verdict instanceof Ownership.Verdict.Misdirected misdirected) {
      long callerEpoch = callerEpoch(request);
      if (callerEpoch > misdirected.tableEpoch()) {
        // another request may have loaded the newer table meanwhile: ask again either way
        rereadRoutingIfOlderThan.accept(callerEpoch);
        verdict = ownership.ofUid(uid);
      }
    }
    if (verdict instanceof Ownership.Verdict.Serve serve) {
      CurrentRoute.set(uid, serve.route());
      try {
        chain.doFilter(request, guarded);
      } catch (ServletException | RuntimeException e) {
        StaleEpochException stale = staleEpoch(e);
        if (stale == null || response.isCommitted()) {
          throw e;
        }
        Problems.write(
            response, 421, "Misdirected Request", stale.getMessage(), request.getRequestURI());
      } finally {
        CurrentRoute.clear();
      }
    } else if (verdict instanceof Ownership.Verdict.Misdirected misdirected) {
      Problems.write(response, 421, misdirected.problemJson(request.getRequestURI()));
    } else {
      response.setHeader("Retry-After", "1");
      Problems.write(
          response,
          503,
          "No routing table",
          "this instance has not loaded a routing table yet",
          request.getRequestURI());
    }
  }

  /** The epoch of the table the caller routed by, or -1 when it sent none or an unreadable one. */
  private static long callerEpoch(HttpServletRequest request) {
    String epoch = request.getHeader(EPOCH_HEADER);
    try {
      return epoch == null ? -1 : Long.parseLong(epoch.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static StaleEpochException staleEpoch(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StaleEpochException stale) {
        return stale;
      }
    }
    return null;
  }

  /** Drops headers that must never travel back to a caller. */
  private static final class NoEchoResponse extends HttpServletResponseWrapper {

    NoEchoResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!NEVER_ECHOED.contains(name.toLowerCase(Locale.ROOT))) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!NEVER_ECHOED.contains(name.toLowerCase(Locale.ROOT))) {
        super.addHeader(name, value);
      }
    }
  }
}
