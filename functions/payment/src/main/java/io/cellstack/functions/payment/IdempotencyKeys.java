package io.cellstack.functions.payment;

import io.cellstack.core.routing.SlotRoute;
import io.cellstack.functions.common.Answer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * The payer's idempotency keys in {@code payment_idempotency}, read and written inside the
 * transaction that executes the request: the stored answer commits with the payment, or neither
 * does. A key row another transaction is writing right now is locked; reading it without waiting
 * ({@code FOR UPDATE NOWAIT}) tells a concurrent duplicate that its twin is in flight. Callers run
 * at READ COMMITTED, so looking up a key that does not exist takes no gap lock that would make
 * concurrent first requests of different keys wait for each other.
 */
final class IdempotencyKeys {

  private static final String READ =
      "SELECT fingerprint, status, body FROM payment_idempotency"
          + " WHERE slot = ? AND uid = ? AND idempotency_key = ? FOR UPDATE NOWAIT";
  private static final String STORE =
      "INSERT INTO payment_idempotency (slot, uid, idempotency_key, fingerprint, status, body, payment_id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)";

  /** Lock wait timeout and deadlock (both), NOWAIT refused (MySQL 8). */
  private static final Set<Integer> BUSY = Set.of(1205, 1213, 3572);

  private static final int DUPLICATE_KEY = 1062;

  private IdempotencyKeys() {}

  /** What {@code key} of {@code uid} was used for before, if it was. */
  static Optional<KeyUse> lookup(
      Connection c, SlotRoute route, String uid, String key, String fingerprint)
      throws SQLException {
    try (PreparedStatement read = c.prepareStatement(READ)) {
      read.setInt(1, route.slot());
      read.setString(2, uid);
      read.setString(3, key);
      try (ResultSet row = read.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        if (!row.getString("fingerprint").equals(fingerprint)) {
          return Optional.of(new KeyUse.Mismatch());
        }
        return Optional.of(new KeyUse.Replay(row.getInt("status"), row.getString("body")));
      }
    } catch (SQLException e) {
      if (BUSY.contains(e.getErrorCode())) {
        return Optional.of(new KeyUse.InFlight());
      }
      throw e;
    }
  }

  /**
   * Stores {@code answer} under {@code key} in the caller's transaction; when another transaction
   * stored or is storing the same key, returns what it was used for instead.
   */
  static Optional<KeyUse> store(
      Connection c,
      SlotRoute route,
      String uid,
      String key,
      String fingerprint,
      Answer answer,
      String paymentId)
      throws SQLException {
    try (PreparedStatement store = c.prepareStatement(STORE)) {
      store.setInt(1, route.slot());
      store.setString(2, uid);
      store.setString(3, key);
      store.setString(4, fingerprint);
      store.setInt(5, answer.status());
      store.setString(6, answer.body());
      store.setString(7, paymentId);
      store.executeUpdate();
      return Optional.empty();
    } catch (SQLException e) {
      if (e.getErrorCode() == DUPLICATE_KEY) {
        return Optional.of(lookup(c, route, uid, key, fingerprint).orElseGet(KeyUse.InFlight::new));
      }
      if (BUSY.contains(e.getErrorCode())) {
        return Optional.of(new KeyUse.InFlight());
      }
      throw e;
    }
  }
}
