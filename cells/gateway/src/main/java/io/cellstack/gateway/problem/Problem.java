package io.cellstack.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 {@code application/problem+json} answer, with the headers some statuses need ({@code
 * Retry-After}, {@code WWW-Authenticate}).
 *
 * @param status the HTTP status
 * @param slug the last part of the problem type URI
 * @param title a short, fixed summary of the problem type
 * @param detail what happened to this request
 * @param headers extra response headers
 */
public record Problem(
    int status, String slug, String title, String detail, Map<String, String> headers) {

  /** Where problem types are documented. */
  public static final String TYPE_BASE = "https://cellstack.io/problems/";

  /** Copies the headers. */
  public Problem {
    headers = Map.copyOf(headers);
  }

  /** A problem without extra headers. */
  public static Problem of(int status, String slug, String title, String detail) {
    return new Problem(status, slug, title, detail, Map.of());
  }

  /** This problem with header {@code Retry-After} in whole seconds, at least 1. */
  public Problem retryAfter(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return withHeader("Retry-After", Long.toString(seconds));
  }

  /** This problem with one more header. */
  public Problem withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Problem(status, slug, title, detail, more);
  }

  /** The JSON body; {@code instance} is the request path. */
  public byte[] toJson(String instance) {
    StringBuilder json = new StringBuilder(160);
    json.append("{\"type\":\"").append(TYPE_BASE).append(slug).append('"');
    json.append(",\"title\":");
    quote(json, title);
    json.append(",\"status\":").append(status);
    json.append(",\"detail\":");
    quote(json, detail);
    json.append(",\"instance\":");
    quote(json, instance);
    return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void quote(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
