package io.cellstack.gateway.routing;

import io.cellstack.gateway.GatewayProperties;
import io.cellstack.gateway.grey.Lane;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The base URL of a function in a cell: the Knative Service {@code <function>-<cell>} by template,
 * a fixed URL per cell where configured (local mode, tests), the tag URL for grey lanes.
 */
public final class FunctionTargets {

  private final String template;
  private final String greyTemplate;
  private final String namespace;
  private final Map<String, String> cellUrls;
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  /** Targets as configured in {@code properties}. */
  public FunctionTargets(GatewayProperties properties) {
    this(
        properties.functionUrlTemplate(),
        properties.greyUrlTemplate(),
        properties.namespace(),
        properties.cellUrls());
  }

  FunctionTargets(
      String template, String greyTemplate, String namespace, Map<String, String> cellUrls) {
    this.template = template;
    this.greyTemplate = greyTemplate;
    this.namespace = namespace;
    this.cellUrls = Map.copyOf(cellUrls);
    resolve("function", "cell", Lane.STABLE);
    resolve("function", "cell", new Lane("lane"));
    cellUrls.keySet().forEach(cell -> resolve("function", cell, Lane.STABLE));
  }

  /**
   * The base URL, without a trailing slash, of {@code function} in {@code cell} for {@code lane}.
   */
  public String baseOf(String function, String cell, Lane lane) {
    return cache.computeIfAbsent(
        function + '/' + cell + '/' + lane.name(), key -> resolve(function, cell, lane));
  }

  private String resolve(String function, String cell, Lane lane) {
    String fixed = lane.isStable() ? cellUrls.get(cell) : null;
    String pattern = fixed != null ? fixed : lane.isStable() ? template : greyTemplate;
    String base =
        pattern
            .replace("{function}", function)
            .replace("{cell}", cell)
            .replace("{namespace}", namespace)
            .replace("{lane}", lane.name());
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(base);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "target of " + function + " in " + cell + ": " + e.getMessage());
    }
    if (uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalStateException(
          "target of " + function + " in " + cell + " is not an http(s) URL: " + base);
    }
    return base;
  }
}
