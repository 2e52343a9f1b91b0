package io.cellstack.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything an operator sets on the gateway ({@code cellstack.gateway.*}); the README lists each
 * property with its default.
 *
 * @param jwt where tokens come from: issuer and JWK set URI (Keycloak realm)
 * @param functions the functions the gateway routes to; any other name is answered 404
 * @param functionUrlTemplate base URL of a function in a cell, with {@code {function}}, {@code
 *     {cell}} and {@code {namespace}}
 * @param greyUrlTemplate base URL of a grey lane of a function in a cell, with {@code {lane}} too
 * @param namespace the Kubernetes namespace of the functions' Knative Services
 * @param cellUrls base URL per cell, replacing the template for stable traffic (local mode, tests);
 *     may contain {@code {function}}
 * @param maxBodyBytes the largest request body forwarded; larger bodies are answered 413
 * @param routingFile the routing table file mounted from ConfigMap {@code cellstack-routing}
 * @param routingPollInterval how often the routing file is re-read
 * @param rateLimit the per-cell rate limit
 * @param circuitBreaker the per-cell circuit breaker
 */
@ConfigurationProperties("cellstack.gateway")
public record GatewayProperties(
    @DefaultValue Jwt jwt,
    @DefaultValue({"payment", "billing"}) List<String> functions,
    @DefaultValue("http://{function}-{cell}.{namespace}.svc.cluster.local")
        String functionUrlTemplate,
    @DefaultValue("http://{lane}-{function}-{cell}.{namespace}.svc.cluster.local")
        String greyUrlTemplate,
    @DefaultValue("default") String namespace,
    Map<String, String> cellUrls,
    @DefaultValue("1MB") DataSize maxBodyBytes,
    @DefaultValue("/etc/cellstack/routing/routing.json") Path routingFile,
    @DefaultValue("2s") Duration routingPollInterval,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue CircuitBreaker circuitBreaker) {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** Checks the values and copies the collections. */
  public GatewayProperties {
    functions = List.copyOf(functions);
    cellUrls = cellUrls == null ? Map.of() : Map.copyOf(cellUrls);
    for (String function : functions) {
      if (!DNS_LABEL.matcher(function).matches()) {
        throw new IllegalArgumentException(
            "cellstack.gateway.functions: '" + function + "' is not a DNS label");
      }
    }
    if (maxBodyBytes.toBytes() < 0 || maxBodyBytes.toBytes() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("cellstack.gateway.max-body-bytes: 0 to 2 GiB");
    }
  }

  /**
   * The token issuer.
   *
   * @param issuer the {@code iss} every token must carry, e.g. {@code
   *     https://keycloak.example/realms/cellstack}
   * @param jwkSetUri where the issuer's signing keys are, e.g. {@code
   *     .../realms/cellstack/protocol/openid-connect/certs}
   * @param verifiedCacheSize how many verified tokens are remembered until they expire; 0 checks
   *     every token's signature on every request
   */
  public record Jwt(String issuer, URI jwkSetUri, @DefaultValue("4096") int verifiedCacheSize) {}

  /**
   * The per-cell token bucket.
   *
   * @param perCellPerSecond requests a cell takes per second (also the burst)
   */
  public record RateLimit(@DefaultValue("2000") int perCellPerSecond) {}

  /**
   * The per-cell circuit breaker.
   *
   * @param failureThreshold consecutive failures (5xx, unreachable, timeout) that open it
   * @param openFor how long it stays open before one trial request is let through
   */
  public record CircuitBreaker(
      @DefaultValue("5") int failureThreshold, @DefaultValue("10s") Duration openFor) {}
}
