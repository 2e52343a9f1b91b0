package io.cellstack.eventbridge;

/** What a function's answer to a delivery means for the event. */
public enum Outcome {
  /** 2xx: delivered; acknowledge. */
  DELIVERED,
  /** 4xx (except 408 and 429): the function will never take it; dead-letter at once. */
  REJECTED,
  /** 5xx, 408, 429, timeouts and connection failures: try again after a backoff. */
  RETRY;

  /** The outcome of HTTP status {@code status}. */
  public static Outcome of(int status) {
    if (status >= 200 && status < 300) {
      return DELIVERED;
    }
    if (status >= 400 && status < 500 && status != 408 && status != 429) {
      return REJECTED;
    }
    return RETRY;
  }
}
