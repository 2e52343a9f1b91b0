package io.cellstack.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The function's place in the topology, bound from the environment the operator sets ({@code
 * CELLSTACK_CELL}, {@code CELLSTACK_REGION}, {@code CELLSTACK_ZONE}, {@code
 * CELLSTACK_ROUTING_FILE}) or from application properties.
 *
 * @param cell this instance's cell
 * @param region its region
 * @param zone its zone
 * @param routing where the routing table file is and how often to look at it
 */
@ConfigurationProperties("cellstack")
public record CellstackProperties(String cell, String region, String zone, Routing routing) {

  /**
   * The mounted routing table.
   *
   * @param file path of routing.json (mounted from ConfigMap cellstack-routing)
   * @param pollMillis how often to check it for a new version
   */
  public record Routing(String file, Long pollMillis) {}
}
