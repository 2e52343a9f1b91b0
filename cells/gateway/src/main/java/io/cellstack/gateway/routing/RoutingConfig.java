package io.cellstack.gateway.routing;

import io.cellstack.gateway.GatewayProperties;
import io.cellstack.gateway.grey.GreyRules;
import io.cellstack.starter.routing.RoutingTableFile;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The routing table file, hot-reloaded, and the router built on it. */
@Configuration(proxyBeanMethods = false)
public class RoutingConfig {

  /** The table from {@code cellstack.gateway.routing-file}, re-read every poll interval. */
  @Bean(destroyMethod = "close")
  RoutingTableFile routingTableFile(GatewayProperties properties) {
    return RoutingTableFile.watch(
        properties.routingFile(), properties.routingPollInterval().toMillis());
  }

  /** Chooses the target of each request; a {@link GreyRules} bean, if any, picks the lane. */
  @Bean
  CellRouter cellRouter(GatewayProperties properties, ObjectProvider<GreyRules> greyRules) {
    return new CellRouter(
        new FunctionTargets(properties), greyRules.getIfAvailable(() -> GreyRules.STABLE_ONLY));
  }
}
