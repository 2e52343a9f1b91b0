package io.cellstack.functions.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.messaging.Message;

/**
 * The {@code Idempotency-Key} request header: 1 to 255 visible ASCII characters, chosen by the
 * client (a UUID is typical) and sent again with every retry of the same request.
 */
public final class IdempotencyKey {

  /** The header name. */
  public static final String HEADER = "Idempotency-Key";

  /** The longest key accepted. */
  public static final int MAX_LENGTH = 255;

  private IdempotencyKey() {}

  /**
   * The key of {@code request}.
   *
   * @throws FunctionProblem 400 when it is missing, empty, too long or not visible ASCII
   */
  public static String of(Message<?> request) {
    String key =
        Headers.first(request, HEADER)
            .orElseThrow(
                () ->
                    FunctionProblem.badRequest(
                        "missing-idempotency-key",
                        "send an Idempotency-Key header (e.g. a UUID) and repeat it on every retry"));
    if (key.isEmpty()
        || key.length() > MAX_LENGTH
        || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw FunctionProblem.badRequest(
          "invalid-idempotency-key",
          "the Idempotency-Key must be 1 to " + MAX_LENGTH + " visible ASCII characters");
    }
    return key;
  }

  /**
   * The fingerprint of a request's parameters (SHA-256 hex of the parts joined by a separator that
   * cannot occur in them): a key reused with other parameters is refused by comparing these.
   */
  public static String fingerprint(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
