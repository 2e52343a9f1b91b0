package io.cellstack.functions.payment;

import io.cellstack.core.routing.SlotRoute;
import io.cellstack.functions.common.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/** The insert-only {@code payment} table. */
final class PaymentStore {

  private static final String INSERT =
      "INSERT INTO payment (slot, id, payer_uid, payee_id, amount, currency, idempotency_key,"
          + " event_id, epoch, created_at_ms, business_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String COLUMNS =
      "SELECT id, payer_uid, payee_id, amount, currency, idempotency_key, created_at_ms FROM payment";
  private static final String BY_ID = COLUMNS + " WHERE slot = ? AND id = ? AND payer_uid = ?";
  private static final String BY_KEY =
      COLUMNS + " WHERE slot = ? AND payer_uid = ? AND idempotency_key = ?";

  private final DataSource dataSource;

  PaymentStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Inserts {@code payment} in the caller's transaction. */
  void insert(Connection c, SlotRoute route, Payment payment, String eventId) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      insert.setInt(1, route.slot());
      insert.setString(2, payment.id());
      insert.setString(3, payment.payerUid());
      insert.setString(4, payment.payeeId());
      insert.setLong(5, payment.amount().minorUnits());
      insert.setString(6, payment.amount().currency());
      insert.setString(7, payment.idempotencyKey());
      insert.setString(8, eventId);
      insert.setLong(9, route.epoch());
      insert.setLong(10, payment.createdAt().toEpochMilli());
      insert.setString(11, businessDay(payment.createdAt()));
      insert.executeUpdate();
    }
  }

  /** The payment {@code id} of {@code payerUid} on {@code slot}. */
  Optional<Payment> byId(int slot, String payerUid, String id) throws SQLException {
    return one(BY_ID, slot, id, payerUid);
  }

  /** The payment {@code payerUid} made with idempotency key {@code key}. */
  Optional<Payment> byKey(int slot, String payerUid, String key) throws SQLException {
    return one(BY_KEY, slot, payerUid, key);
  }

  /** The UTC day a payment counts for in reconciliation. */
  static String businessDay(Instant at) {
    return at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }

  private Optional<Payment> one(String sql, int slot, String a, String b) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setInt(1, slot);
      select.setString(2, a);
      select.setString(3, b);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Payment(
                row.getString("id"),
                row.getString("payer_uid"),
                row.getString("payee_id"),
                new Money(row.getLong("amount"), row.getString("currency")),
                row.getString("idempotency_key"),
                Instant.ofEpochMilli(row.getLong("created_at_ms"))));
      }
    }
  }
}
