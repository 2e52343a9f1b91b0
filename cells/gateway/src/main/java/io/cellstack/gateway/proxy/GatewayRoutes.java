package io.cellstack.gateway.proxy;

import io.cellstack.gateway.GatewayProperties;
import io.cellstack.gateway.admin.Degrades;
import io.cellstack.gateway.resilience.CellBreakers;
import io.cellstack.gateway.resilience.CellRateLimiter;
import io.cellstack.gateway.routing.CellRouter;
import io.cellstack.starter.routing.RoutingTableFile;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Spring Cloud Gateway route, {@code /functions/**}, whose target {@link CellRoutingFilter}
 * decides per request; and the scrubber keeping request headers out of responses.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayRoutes {

  /** Placeholder target; {@link CellRoutingFilter} replaces it on every request. */
  private static final String UNROUTED = "http://unrouted.cellstack.invalid";

  /** The routing filter. */
  @Bean
  CellRoutingFilter cellRoutingFilter(
      GatewayProperties properties,
      Degrades degrades,
      RoutingTableFile routing,
      CellRouter router,
      CellRateLimiter limiter,
      CellBreakers breakers) {
    return new CellRoutingFilter(
        properties.functions(),
        (int) properties.maxBodyBytes().toBytes(),
        degrades,
        routing,
        router,
        limiter,
        breakers);
  }

  /** The functions route. */
  @Bean
  RouteLocator functionRoutes(RouteLocatorBuilder routes, CellRoutingFilter filter) {
    return routes
        .routes()
        .route(
            "functions",
            route -> route.path("/functions/**").filters(f -> f.filter(filter)).uri(UNROUTED))
        .build();
  }

  /** Names the owning cell's function, not the gateway, in the CLIENT span of a proxied call. */
  @Bean
  CellCallObservationConvention cellCallObservationConvention() {
    return new CellCallObservationConvention();
  }

  /** Drops echoed request headers from every proxied response. */
  @Bean
  EchoScrubber echoScrubber() {
    return new EchoScrubber();
  }
}
