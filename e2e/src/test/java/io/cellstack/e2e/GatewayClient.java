package io.cellstack.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Calls the functions through a gateway as a user, as a client application would. */
final class GatewayClient {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String gateway;
  private final UnaryOperator<String> tokenOf;

  /**
   * @param gateway the gateway's base URL
   * @param tokenOf the bearer token of a uid
   */
  GatewayClient(String gateway, UnaryOperator<String> tokenOf) {
    this.gateway = gateway;
    this.tokenOf = tokenOf;
  }

  /** {@code uid} pays merchant M-1 {@code amount} CNY cents, with a fresh Idempotency-Key. */
  HttpResponse<String> pay(String uid, long amount) throws Exception {
    return pay(uid, amount, null);
  }

  /** {@link #pay(String, long)} continuing the caller's {@code traceparent} (may be null). */
  HttpResponse<String> pay(String uid, long amount, String traceparent) throws Exception {
    return call(
        uid,
        "/functions/payment/pay",
        "{\"payeeId\":\"M-1\",\"amount\":" + amount + ",\"currency\":\"CNY\"}",
        UUID.randomUUID().toString(),
        traceparent);
  }

  /** {@code uid}'s bills, from the cell that owns it. */
  HttpResponse<String> billQuery(String uid) throws Exception {
    return call(uid, "/functions/billing/billQuery", "{}", null, null);
  }

  /**
   * A POST of {@code body} to {@code path} with {@code uid}'s token; key and traceparent optional.
   */
  HttpResponse<String> call(String uid, String path, String body, String key, String traceparent)
      throws Exception {
    return post(path, "Bearer " + tokenOf.apply(uid), body, key, traceparent);
  }

  /** A POST with the given Authorization header value. */
  HttpResponse<String> post(
      String path, String authorization, String body, String key, String traceparent)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
