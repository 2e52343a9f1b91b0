package io.cellstack.gateway.resilience;

import io.cellstack.gateway.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The per-cell rate limiter and circuit breakers, as configured. */
@Configuration(proxyBeanMethods = false)
public class ResilienceConfig {

  /** The per-cell token buckets. */
  @Bean
  CellRateLimiter cellRateLimiter(GatewayProperties properties) {
    return new CellRateLimiter(properties.rateLimit().perCellPerSecond(), System::nanoTime);
  }

  /** The per-cell circuit breakers. */
  @Bean
  CellBreakers cellBreakers(GatewayProperties properties) {
    GatewayProperties.CircuitBreaker breaker = properties.circuitBreaker();
    return new CellBreakers(breaker.failureThreshold(), breaker.openFor(), System::nanoTime);
  }
}
