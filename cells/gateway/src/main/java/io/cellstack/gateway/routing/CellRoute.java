package io.cellstack.gateway.routing;

import io.cellstack.gateway.grey.Lane;
import java.net.URI;

/**
 * Where one request goes.
 *
 * @param function the function called
 * @param uid the user it acts for
 * @param slot the uid's slot
 * @param cell the cell serving the slot
 * @param epoch the slot's epoch, which fences the function's writes
 * @param lane the grey lane
 * @param base the base URL of the function in that cell and lane
 */
public record CellRoute(
    String function, String uid, int slot, String cell, long epoch, Lane lane, String base) {

  /** The downstream URL for the raw path {@code rest} and raw query (or null). */
  public URI target(String rest, String rawQuery) {
    return URI.create(rawQuery == null ? base + rest : base + rest + '?' + rawQuery);
  }
}
