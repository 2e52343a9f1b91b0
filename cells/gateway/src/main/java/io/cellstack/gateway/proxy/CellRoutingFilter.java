package io.cellstack.gateway.proxy;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_HEADER_NAMES;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import io.cellstack.core.routing.CellHeaders;
import io.cellstack.core.routing.RoutingTable;
import io.cellstack.gateway.admin.Degrades;
import io.cellstack.gateway.auth.Payer;
import io.cellstack.gateway.problem.Problem;
import io.cellstack.gateway.problem.ProblemWriter;
import io.cellstack.gateway.problem.Problems;
import io.cellstack.gateway.resilience.CellBreakers;
import io.cellstack.gateway.resilience.CellRateLimiter;
import io.cellstack.gateway.routing.CellRoute;
import io.cellstack.gateway.routing.CellRouter;
import io.cellstack.gateway.routing.FunctionPath;
import io.cellstack.starter.routing.RoutingTableFile;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClientResponse;

/**
 * The gateway's one routing step, run after authentication: checks the request (function, payer,
 * degrade switch, body size, table), sends it to the function in the cell serving the uid through
 * the cell's rate limit and circuit breaker, and on {@code 421 Misdirected Request} refreshes the
 * table and retries once against the newly serving cell.
 */
public final class CellRoutingFilter implements GatewayFilter, Ordered {

  /** Downstream header: the request's slot. */
  public static final String SLOT_HEADER = CellHeaders.SLOT;

  /** Downstream header: the slot's epoch, which fences the function's writes. */
  public static final String EPOCH_HEADER = CellHeaders.EPOCH;

  /** Downstream header: the cell the gateway chose. */
  public static final String CELL_HEADER = CellHeaders.CELL;

  /**
   * Downstream header: what the function's paths sit under at the gateway, so its problems name the
   * path the caller used ({@code /functions/payment/pay}, not {@code /pay}).
   */
  public static final String FORWARDED_PREFIX_HEADER = "X-Forwarded-Prefix";

  private static final Logger LOG = LoggerFactory.getLogger(CellRoutingFilter.class);
  private static final int MISDIRECTED = 421;

  private final List<String> functions;
  private final int maxBodyBytes;
  private final Degrades degrades;
  private final RoutingTableFile routing;
  private final CellRouter router;
  private final CellRateLimiter limiter;
  private final CellBreakers breakers;

  /** A filter routing {@code functions} with the given collaborators. */
  public CellRoutingFilter(
      List<String> functions,
      int maxBodyBytes,
      Degrades degrades,
      RoutingTableFile routing,
      CellRouter router,
      CellRateLimiter limiter,
      CellBreakers breakers) {
    this.functions = List.copyOf(functions);
    this.maxBodyBytes = maxBodyBytes;
    this.degrades = degrades;
    this.routing = routing;
    this.router = router;
    this.limiter = limiter;
    this.breakers = breakers;
  }

  @Override
  public int getOrder() {
    return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    FunctionPath path = FunctionPath.parse(exchange.getRequest().getURI().getRawPath());
    if (!functions.contains(path.function())) {
      return ProblemWriter.write(exchange, Problems.unknownFunction(path.function(), functions));
    }
    return exchange
        .getPrincipal()
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(principal -> admit(exchange, chain, path, principal));
  }

  private Mono<Void> admit(
      ServerWebExchange exchange,
      GatewayFilterChain chain,
      FunctionPath path,
      Optional<Principal> principal) {
    if (!(principal.orElse(null) instanceof JwtAuthenticationToken token)) {
      return ProblemWriter.write(exchange, Problems.missingToken());
    }
    List<String> authorities =
        token.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    String headerUid = exchange.getRequest().getHeaders().getFirst(Payer.UID_HEADER);
    Payer.Outcome payer = Payer.resolve(token.getName(), authorities, headerUid);
    if (payer instanceof Payer.Outcome.NotSubject) {
      return ProblemWriter.write(exchange, Problems.payerNotSubject());
    }
    if (payer instanceof Payer.Outcome.Malformed malformed) {
      return ProblemWriter.write(exchange, Problems.malformedUid(malformed.why()));
    }
    String uid = ((Payer.Outcome.Acting) payer).uid();
    if (degrades.isDegraded(path.function())) {
      return ProblemWriter.write(exchange, Problems.degraded(path.function()));
    }
    return BufferedBody.buffer(exchange, maxBodyBytes)
        .flatMap(buffered -> route(buffered, chain, path, uid))
        .onErrorResume(
            BufferedBody.TooLarge.class,
            e -> ProblemWriter.write(exchange, Problems.bodyTooLarge(maxBodyBytes)));
  }

  private Mono<Void> route(
      ServerWebExchange exchange, GatewayFilterChain chain, FunctionPath path, String uid) {
    Optional<RoutingTable> table = routing.current();
    if (table.isEmpty()) {
      return ProblemWriter.write(exchange, Problems.noRoutingTable());
    }
    CellRoute route =
        router.route(table.get(), path.function(), uid, exchange.getRequest().getHeaders());
    return forward(exchange, chain, path, route, false);
  }

  private Mono<Void> forward(
      ServerWebExchange exchange,
      GatewayFilterChain chain,
      FunctionPath path,
      CellRoute route,
      boolean retry) {
    long wait = limiter.tryAcquire(route.cell());
    if (wait > 0) {
      return ProblemWriter.write(
          exchange,
          Problems.rateLimited(route.cell(), limiter.perSecond(), Duration.ofNanos(wait)));
    }
    wait = breakers.tryAcquire(route.cell());
    if (wait > 0) {
      return ProblemWriter.write(
          exchange, Problems.circuitOpen(route.cell(), Duration.ofNanos(wait)));
    }
    ServerWebExchange routed =
        exchange
            .mutate()
            .request(
                request ->
                    request.headers(
                        headers -> {
                          headers.set(Payer.UID_HEADER, route.uid());
                          headers.set(SLOT_HEADER, Integer.toString(route.slot()));
                          headers.set(EPOCH_HEADER, Long.toString(route.epoch()));
                          headers.set(CELL_HEADER, route.cell());
                          headers.set(FORWARDED_PREFIX_HEADER, path.gatewayPrefix());
                        }))
            .build();
    routed
        .getAttributes()
        .put(
            GATEWAY_REQUEST_URL_ATTR,
            route.target(path.rest(), exchange.getRequest().getURI().getRawQuery()));
    return chain
        .filter(routed)
        .then(Mono.defer(() -> answered(exchange, routed, chain, path, route, retry)))
        .onErrorResume(error -> failed(routed, route, error));
  }

  private Mono<Void> answered(
      ServerWebExchange exchange,
      ServerWebExchange routed,
      GatewayFilterChain chain,
      FunctionPath path,
      CellRoute route,
      boolean retry) {
    HttpClientResponse response = routed.getAttribute(CLIENT_RESPONSE_ATTR);
    if (response == null) {
      return Mono.empty();
    }
    int status = response.status().code();
    if (status >= 500) {
      breakers.onFailure(route.cell());
    } else {
      breakers.onSuccess(route.cell());
    }
    if (status != MISDIRECTED || retry) {
      return Mono.empty();
    }
    return Mono.fromCallable(routing::refresh)
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(changed -> retry(exchange, routed, chain, path, route));
  }

  private Mono<Void> retry(
      ServerWebExchange exchange,
      ServerWebExchange routed,
      GatewayFilterChain chain,
      FunctionPath path,
      CellRoute misdirected) {
    CellRoute route =
        router.route(
            routing.current().orElseThrow(),
            misdirected.function(),
            misdirected.uid(),
            exchange.getRequest().getHeaders());
    if (route.base().equals(misdirected.base())) {
      LOG.info(
          "{} answered 421 for slot {} but the table still names it; passing the 421 on",
          misdirected.cell(),
          misdirected.slot());
      return Mono.empty();
    }
    LOG.info(
        "{} answered 421 for slot {}; retrying in {} at epoch {}",
        misdirected.cell(),
        misdirected.slot(),
        route.cell(),
        route.epoch());
    discardResponse(routed);
    return forward(exchange, chain, path, route, true);
  }

  private Mono<Void> failed(ServerWebExchange routed, CellRoute route, Throwable error) {
    breakers.onFailure(route.cell());
    discardResponse(routed);
    boolean timeout =
        error instanceof ResponseStatusException status
            && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
    LOG.warn(
        "{} in cell {} failed for slot {}: {}",
        route.function(),
        route.cell(),
        route.slot(),
        error.toString());
    Problem problem =
        timeout
            ? Problems.timeout(route.function(), route.cell())
            : Problems.unreachable(route.function(), route.cell());
    return ProblemWriter.write(routed, problem);
  }

  /** Drops a downstream answer that will not be passed on, and what it left on the exchange. */
  private static void discardResponse(ServerWebExchange exchange) {
    Connection connection = exchange.getAttribute(CLIENT_RESPONSE_CONN_ATTR);
    ServerWebExchangeUtils.reset(exchange);
    exchange.getAttributes().remove(CLIENT_RESPONSE_ATTR);
    exchange.getAttributes().remove(CLIENT_RESPONSE_CONN_ATTR);
    exchange.getAttributes().remove(CLIENT_RESPONSE_HEADER_NAMES);
    if (connection != null) {
      connection.dispose();
    }
  }
}
