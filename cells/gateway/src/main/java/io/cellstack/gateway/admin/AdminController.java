package io.cellstack.gateway.admin;

import io.cellstack.gateway.GatewayProperties;
import io.cellstack.gateway.problem.Problem;
import io.cellstack.gateway.problem.Problems;
import io.cellstack.starter.routing.RoutingTableFile;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The operator's endpoints (role {@code cellstack-admin}): degrade switches and the routing view.
 */
@RestController
@RequestMapping("/admin")
public class AdminController {

  private final List<String> functions;
  private final Degrades degrades;
  private final RoutingTableFile routing;

  AdminController(GatewayProperties properties, Degrades degrades, RoutingTableFile routing) {
    this.functions = properties.functions();
    this.degrades = degrades;
    this.routing = routing;
  }

  /** Degrades {@code function}: its requests get 503 until the switch is deleted. */
  @PostMapping("/functions/{function}/degrade")
  ResponseEntity<?> degrade(@PathVariable("function") String function, ServerWebExchange exchange) {
    if (!functions.contains(function)) {
      return problem(Problems.unknownFunction(function, functions), exchange);
    }
    degrades.degrade(function);
    return ResponseEntity.ok(Map.of("function", function, "degraded", true));
  }

  /** Lifts the degrade switch of {@code function}. */
  @DeleteMapping("/functions/{function}/degrade")
  ResponseEntity<?> restore(@PathVariable("function") String function, ServerWebExchange exchange) {
    if (!functions.contains(function)) {
      return problem(Problems.unknownFunction(function, functions), exchange);
    }
    degrades.restore(function);
    return ResponseEntity.ok(Map.of("function", function, "degraded", false));
  }

  /** The known functions and the degraded ones. */
  @GetMapping("/functions")
  Map<String, Object> functions() {
    return Map.of("functions", functions, "degraded", degrades.all());
  }

  /** The routing table's epoch and what every cell owns and serves. */
  @GetMapping("/routing")
  ResponseEntity<?> routing(ServerWebExchange exchange) {
    return routing
        .current()
        .<ResponseEntity<?>>map(table -> ResponseEntity.ok(RoutingSummary.of(table)))
        .orElseGet(() -> problem(Problems.noRoutingTable(), exchange));
  }

  private static ResponseEntity<?> problem(Problem problem, ServerWebExchange exchange) {
    ResponseEntity.BodyBuilder builder =
        ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    problem.headers().forEach((name, value) -> builder.header(name, value));
    return builder.body(problem.toJson(exchange.getRequest().getPath().value()));
  }
}
