package io.cellstack.gateway.grey;

import org.springframework.http.HttpHeaders;

/**
 * What the grey rules see of a request once its cell is known.
 *
 * @param function the function called
 * @param uid the user the request acts for (sticky uid-hash percentages, whitelists)
 * @param slot the uid's slot
 * @param cell the cell serving the slot
 * @param headers the request headers (device model, network, app version, region hints)
 */
public record GreyRequest(
    String function, String uid, int slot, String cell, HttpHeaders headers) {}
