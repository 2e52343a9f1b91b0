package io.cellstack.gateway.problem;

import java.time.Duration;
import java.util.Collection;

/** Every problem the gateway answers with, in one place, so the README's error table is this. */
public final class Problems {

  private Problems() {}

  /** 401: no bearer token. */
  public static Problem missingToken() {
    return Problem.of(401, "unauthenticated", "Unauthorized", "a bearer token is required")
        .withHeader("WWW-Authenticate", "Bearer");
  }

  /** 401: the token is malformed, expired, from another issuer or not signed by the issuer. */
  public static Problem invalidToken(String why) {
    return Problem.of(401, "invalid-token", "Unauthorized", "the bearer token is invalid: " + why)
        .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
  }

  /** 403: a role is missing. */
  public static Problem forbidden(String detail) {
    return Problem.of(403, "forbidden", "Forbidden", detail);
  }

  /** 403: a caller without the service role names another uid. */
  public static Problem payerNotSubject() {
    return Problem.of(403, "payer-not-subject", "Forbidden", "payer must be the token subject");
  }

  /** 400: the uid is malformed. */
  public static Problem malformedUid(String why) {
    return Problem.of(400, "malformed-uid", "Bad Request", why);
  }

  /** 404: no such function. */
  public static Problem unknownFunction(String function, Collection<String> known) {
    return Problem.of(
        404,
        "unknown-function",
        "Not Found",
        "unknown function '" + function + "'; known functions: " + String.join(", ", known));
  }

  /** 413: the body is over the limit. */
  public static Problem bodyTooLarge(long maxBytes) {
    return Problem.of(
        413,
        "body-too-large",
        "Content Too Large",
        "request body is larger than " + maxBytes + " bytes");
  }

  /** 503: no routing table has been read yet. */
  public static Problem noRoutingTable() {
    return Problem.of(
            503, "no-routing-table", "Service Unavailable", "no routing table has been read yet")
        .retryAfter(Duration.ofSeconds(5));
  }

  /** 503: an operator degraded the function. */
  public static Problem degraded(String function) {
    return Problem.of(
        503,
        "function-degraded",
        "Service Unavailable",
        "function " + function + " is degraded by an operator");
  }

  /** 429: the cell's token bucket is empty. */
  public static Problem rateLimited(String cell, int perSecond, Duration wait) {
    return Problem.of(
            429,
            "rate-limited",
            "Too Many Requests",
            "cell " + cell + " takes at most " + perSecond + " requests per second")
        .retryAfter(wait);
  }

  /** 503: the cell's circuit breaker is open. */
  public static Problem circuitOpen(String cell, Duration wait) {
    return Problem.of(
            503,
            "circuit-open",
            "Service Unavailable",
            "cell " + cell + " is failing; requests to it are stopped for a while")
        .retryAfter(wait);
  }

  /** 502: the function could not be reached. */
  public static Problem unreachable(String function, String cell) {
    return Problem.of(
        502,
        "function-unreachable",
        "Bad Gateway",
        "function " + function + " in cell " + cell + " could not be reached");
  }

  /** 504: the function did not answer in time. */
  public static Problem timeout(String function, String cell) {
    return Problem.of(
        504,
        "function-timeout",
        "Gateway Timeout",
        "function " + function + " in cell " + cell + " did not answer in time");
  }
}
