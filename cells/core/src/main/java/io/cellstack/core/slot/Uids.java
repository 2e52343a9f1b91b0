package io.cellstack.core.slot;

/**
 * The one rule for what a uid may look like: 1 to 64 characters of {@code A-Z a-z 0-9 . _ : -}.
 * Gateways answer 400 and the CLI refuses anything else, before a slot is ever computed.
 */
public final class Uids {

  /** The longest uid accepted. */
  public static final int MAX_LENGTH = 64;

  private Uids() {}

  /** Whether {@code uid} is well formed. */
  public static boolean isValid(String uid) {
    return problem(uid) == null;
  }

  /**
   * Throws when {@code uid} is malformed.
   *
   * @throws IllegalArgumentException naming what is wrong with the uid
   */
  public static void requireValid(String uid) {
    String problem = problem(uid);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  private static String problem(String uid) {
    if (uid == null) {
      return "uid is missing";
    }
    if (uid.isEmpty()) {
      return "uid is empty";
    }
    if (uid.length() > MAX_LENGTH) {
      return "uid is longer than " + MAX_LENGTH + " characters";
    }
    for (int i = 0; i < uid.length(); i++) {
      char c = uid.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == ':'
              || c == '-';
      if (!ok) {
        return "uid has character '"
            + (Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c))
            + "' at position "
            + (i + 1)
            + "; allowed are A-Z a-z 0-9 . _ : -";
      }
    }
    return null;
  }
}
