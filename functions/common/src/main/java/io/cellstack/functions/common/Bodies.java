package io.cellstack.functions.common;

import java.nio.charset.StandardCharsets;
import org.springframework.messaging.Message;

/**
 * Request bodies of functions. Functions take {@code Message<byte[]>}: with a String input Spring
 * Cloud Function splits a JSON array body into one call per element, which would bypass the
 * function's own validation.
 */
public final class Bodies {

  private Bodies() {}

  /** The body of {@code request} as UTF-8 text. */
  public static String text(Message<byte[]> request) {
    return new String(request.getPayload(), StandardCharsets.UTF_8);
  }
}
