package io.cellstack.functions.payment;

import io.cellstack.core.routing.SlotRoute;
import io.cellstack.starter.fencing.FencedWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * The payer's idempotency keys in {@code payment_idempotency}. Claiming inserts the key in flight
 * with a lease (database time); completing stores the answer in the transaction that writes the
 * payment, only while the claim is still ours. An attempt that died keeps its claim until the lease
 * runs out; then a retry takes it over.
 */
final class IdempotencyKeys {

  private static final String INSERT =
      "INSERT IGNORE INTO payment_idempotency (slot, uid, idempotency_key, fingerprint, state, claim, lease_until)"
          + " VALUES (?, ?, ?, ?, 'IN_FLIGHT', ?, TIMESTAMPADD(MICROSECOND, ?, CURRENT_TIMESTAMP(3)))";
  private static final String READ =
      "SELECT fingerprint, state, status, body, claim, lease_until < CURRENT_TIMESTAMP(3) AS expired"
          + " FROM payment_idempotency WHERE slot = ? AND uid = ? AND idempotency_key = ?";
  private static final String TAKE_OVER =
      "UPDATE payment_idempotency SET claim = ?, lease_until = TIMESTAMPADD(MICROSECOND, ?, CURRENT_TIMESTAMP(3))"
          + " WHERE slot = ? AND uid = ? AND idempotency_key = ? AND state = 'IN_FLIGHT' AND claim = ?"
          + " AND lease_until < CURRENT_TIMESTAMP(3)";
  private static final String COMPLETE =
      "UPDATE payment_idempotency SET state = 'DONE', status = ?, body = ?, payment_id = ?"
          + " WHERE slot = ? AND uid = ? AND idempotency_key = ? AND state = 'IN_FLIGHT' AND claim = ?";
  private static final String RELEASE =
      "DELETE FROM payment_idempotency"
          + " WHERE slot = ? AND uid = ? AND idempotency_key = ? AND state = 'IN_FLIGHT' AND claim = ?";

  private final FencedWriter writer;
  private final long leaseMicros;

  IdempotencyKeys(FencedWriter writer, Duration lease) {
    this.writer = writer;
    this.leaseMicros = lease.toNanos() / 1000;
  }

  /** Claims {@code key} of {@code uid} for a request with {@code fingerprint}. */
  Claim claim(SlotRoute route, String uid, String key, String fingerprint) throws SQLException {
    return writer.write(
        route,
        c -> {
          String token = UUID.randomUUID().toString().replace("-", "");
          try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            insert.setInt(1, route.slot());
            insert.setString(2, uid);
            insert.setString(3, key);
            insert.setString(4, fingerprint);
            insert.setString(5, token);
            insert.setLong(6, leaseMicros);
            if (insert.executeUpdate() == 1) {
              return new Claim.Claimed(token);
            }
          }
          return existing(c, route, uid, key, fingerprint, token);
        });
  }

  private Claim existing(
      Connection c, SlotRoute route, String uid, String key, String fingerprint, String token)
      throws SQLException {
    String heldBy;
    try (PreparedStatement read = c.prepareStatement(READ)) {
      read.setInt(1, route.slot());
      read.setString(2, uid);
      read.setString(3, key);
      try (ResultSet row = read.executeQuery()) {
        if (!row.next()) {
          return new Claim.InFlight(); // released a moment ago; the client retries
        }
        if (!row.getString("fingerprint").equals(fingerprint)) {
          return new Claim.Mismatch();
        }
        if ("DONE".equals(row.getString("state"))) {
          return new Claim.Replay(row.getInt("status"), row.getString("body"));
        }
        if (!row.getBoolean("expired")) {
          return new Claim.InFlight();
        }
        heldBy = row.getString("claim");
      }
    }
    try (PreparedStatement takeOver = c.prepareStatement(TAKE_OVER)) {
      takeOver.setString(1, token);
      takeOver.setLong(2, leaseMicros);
      takeOver.setInt(3, route.slot());
      takeOver.setString(4, uid);
      takeOver.setString(5, key);
      takeOver.setString(6, heldBy);
      return takeOver.executeUpdate() == 1 ? new Claim.Claimed(token) : new Claim.InFlight();
    }
  }

  /**
   * Stores the answer of the claim {@code token} in the caller's transaction; false when the claim
   * is no longer ours (its lease ran out and another attempt took it over).
   */
  boolean complete(
      Connection c,
      SlotRoute route,
      String uid,
      String key,
      String token,
      int status,
      String body,
      String paymentId)
      throws SQLException {
    try (PreparedStatement complete = c.prepareStatement(COMPLETE)) {
      complete.setInt(1, status);
      complete.setString(2, body);
      complete.setString(3, paymentId);
      complete.setInt(4, route.slot());
      complete.setString(5, uid);
      complete.setString(6, key);
      complete.setString(7, token);
      return complete.executeUpdate() == 1;
    }
  }

  /** Gives the claim up after a failed attempt, so that a retry need not wait for the lease. */
  void release(SlotRoute route, String uid, String key, String token) throws SQLException {
    writer.write(
        route,
        c -> {
          try (PreparedStatement release = c.prepareStatement(RELEASE)) {
            release.setInt(1, route.slot());
            release.setString(2, uid);
            release.setString(3, key);
            release.setString(4, token);
            return release.executeUpdate();
          }
        });
  }
}
