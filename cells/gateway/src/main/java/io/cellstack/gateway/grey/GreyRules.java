package io.cellstack.gateway.grey;

/**
 * The extension point of grey releases: the lane a request goes to. The gateway asks once per
 * routed request, after the serving cell is known and before the target URL is built; a non-stable
 * lane is sent to {@code cellstack.gateway.grey-url-template} (by default the Knative tag URL
 * {@code http://<lane>-<function>-<cell>.<namespace>.svc.cluster.local}).
 *
 * <p>The rule engine (whitelist, sticky uid-hash %, region, device model, network, app version)
 * arrives later; until then {@link #STABLE_ONLY} sends everything to stable. To plug rules in,
 * declare a {@code GreyRules} bean. Implementations run on the event loop for every request: they
 * must not block, and should answer in microseconds.
 */
@FunctionalInterface
public interface GreyRules {

  /** Sends every request to the released version. */
  GreyRules STABLE_ONLY = request -> Lane.STABLE;

  /** The lane {@code request} goes to. */
  Lane laneOf(GreyRequest request);
}
