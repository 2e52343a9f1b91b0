package io.cellstack.gateway.auth;

import io.cellstack.core.routing.CellHeaders;
import io.cellstack.core.slot.Uids;
import java.util.Collection;

/**
 * Whose request it is: the token subject, unless a caller with role {@code cellstack-service} names
 * another uid in header {@code X-Cellstack-Uid}.
 */
public final class Payer {

  /** The header in which services name the uid they act for. */
  public static final String UID_HEADER = CellHeaders.UID;

  private Payer() {}

  /** Decides the uid of a caller with {@code subject} and {@code authorities}. */
  public static Outcome resolve(String subject, Collection<String> authorities, String headerUid) {
    String uid = subject;
    if (headerUid != null && !headerUid.equals(subject)) {
      if (!authorities.contains(RealmRoles.authority(RealmRoles.SERVICE))) {
        return new Outcome.NotSubject();
      }
      uid = headerUid;
    }
    try {
      Uids.requireValid(uid);
    } catch (IllegalArgumentException e) {
      return new Outcome.Malformed(e.getMessage());
    }
    return new Outcome.Acting(uid);
  }

  /** The decision. */
  public sealed interface Outcome {

    /** The request acts for {@code uid}. */
    record Acting(String uid) implements Outcome {}

    /** A caller without the service role named a uid other than its own: 403. */
    record NotSubject() implements Outcome {}

    /** The uid is malformed: 400. */
    record Malformed(String why) implements Outcome {}
  }
}
