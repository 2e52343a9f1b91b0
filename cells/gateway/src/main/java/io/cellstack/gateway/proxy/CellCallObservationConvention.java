package io.cellstack.gateway.proxy;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import io.micrometer.common.KeyValues;
import java.net.URI;
import org.springframework.cloud.gateway.filter.headers.observation.DefaultGatewayObservationConvention;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayContext;

/**
 * Names the function a proxied call went to in the gateway's CLIENT span. Spring Cloud Gateway's
 * default records the incoming request's URI as {@code http.uri}, which is the gateway's own; the
 * owning cell's URL is only known once {@link CellRoutingFilter} has routed the call.
 */
public final class CellCallObservationConvention extends DefaultGatewayObservationConvention {

  /** The key the default convention uses (its key enum is not public). */
  static final String URI_KEY = "http.uri";

  @Override
  public KeyValues getHighCardinalityKeyValues(GatewayContext context) {
    URI target = context.getServerWebExchange().getAttribute(GATEWAY_REQUEST_URL_ATTR);
    return target == null
        ? super.getHighCardinalityKeyValues(context)
        : KeyValues.of(URI_KEY, target.toString());
  }
}
