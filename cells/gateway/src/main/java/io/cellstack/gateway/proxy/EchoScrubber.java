package io.cellstack.gateway.proxy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Keeps request headers from coming back in responses: Spring Cloud Function copies request headers
 * into its answers, so a function would hand the caller's bearer token and cookies back to whatever
 * sits between the gateway and the client. Credentials, Cellstack's and forwarding headers never
 * pass; any other response header repeating a value the request sent is an echo and is dropped,
 * except representation headers (Content-Type …) and CloudEvents attributes ({@code ce-*}), which
 * legitimately match.
 */
public final class EchoScrubber implements HttpHeadersFilter {

  private static final Set<String> NEVER =
      Set.of(
          "authorization",
          "proxy-authorization",
          "cookie",
          "forwarded",
          "x-forwarded-for",
          "x-forwarded-host",
          "x-forwarded-port",
          "x-forwarded-proto",
          "x-forwarded-prefix");

  private static final Set<String> REPRESENTATION =
      Set.of(
          "content-type",
          "content-length",
          "content-encoding",
          "content-language",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "date",
          "cache-control",
          "pragma",
          "vary",
          "trailer",
          "via");

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    HttpHeaders request = exchange.getRequest().getHeaders();
    HttpHeaders output = new HttpHeaders();
    input.forEach(
        (name, values) -> {
          if (!isEcho(name, values, request)) {
            output.addAll(name, values);
          }
        });
    return output;
  }

  @Override
  public boolean supports(Type type) {
    return type == Type.RESPONSE;
  }

  static boolean isEcho(String name, List<String> values, HttpHeaders request) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (NEVER.contains(lower) || lower.startsWith("x-cellstack-")) {
      return true;
    }
    if (REPRESENTATION.contains(lower) || lower.startsWith("ce-")) {
      return false;
    }
    List<String> sent = request.get(name);
    if (sent == null) {
      return false;
    }
    for (String value : values) {
      if (sent.contains(value)) {
        return true;
      }
    }
    return false;
  }
}
