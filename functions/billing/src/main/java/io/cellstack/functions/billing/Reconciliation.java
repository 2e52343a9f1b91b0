package io.cellstack.functions.billing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.starter.fencing.FencedWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Reconciles one slot's business day: every payment (payment keyspace) against its outbox event,
 * its bill posting and its merchant posting (billing keyspace). Counts and sums per currency, every
 * mismatch with the payment id, written to {@code reconciliation_report} and answered. Reads one
 * shard of each keyspace; no cross-shard query.
 *
 * <p>Mismatch kinds: {@code missing-event} (a payment without its outbox row), {@code
 * unpublished-event} (the row is not relayed yet), {@code missing-posting}, {@code orphan-posting}
 * (a posting without a payment), {@code posting-differs} (amount or currency), {@code
 * missing-merchant-posting}, {@code orphan-merchant-posting}, {@code merchant-posting-differs}.
 */
final class Reconciliation {

  private static final String PAYMENTS =
      "SELECT p.id, p.amount, p.currency, o.id AS event, o.published_at FROM payment p"
          + " LEFT JOIN cellstack_outbox o ON o.slot = p.slot AND o.id = p.event_id"
          + " WHERE p.slot = ? AND p.business_day = ?";
  private static final String POSTINGS =
      "SELECT payment_id, amount, currency FROM bill_posting WHERE slot = ? AND business_day = ?";
  private static final String MERCHANT_POSTINGS =
      "SELECT payment_id, amount, currency FROM merchant_posting WHERE slot = ? AND business_day = ?";
  private static final String SAVE =
      "INSERT INTO reconciliation_report (slot, business_day, run_at_ms, balanced, mismatches, report)"
          + " VALUES (?, ?, ?, ?, ?, ?)";

  private final DataSource payments;
  private final DataSource billing;
  private final FencedWriter billingWriter;
  private final Clock clock;

  Reconciliation(DataSource payments, DataSource billing, FencedWriter billingWriter, Clock clock) {
    this.payments = payments;
    this.billing = billing;
    this.billingWriter = billingWriter;
    this.clock = clock;
  }

  private record Entry(long amount, String currency) {}

  /** Reconciles {@code day} of {@code route}'s slot and stores the report; returns it. */
  ObjectNode run(SlotRoute route, LocalDate day) throws SQLException {
    int slot = route.slot();
    Map<String, Entry> paid = new TreeMap<>();
    ObjectNode report = BillingJson.JSON.createObjectNode();
    report.put("slot", slot);
    report.put("businessDay", day.toString());
    ArrayNode mismatches = BillingJson.JSON.createArrayNode();
    try (Connection c = payments.getConnection();
        PreparedStatement select = c.prepareStatement(PAYMENTS)) {
      select.setInt(1, slot);
      select.setString(2, day.toString());
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          String id = row.getString("id");
          paid.put(id, new Entry(row.getLong("amount"), row.getString("currency")));
          if (row.getString("event") == null) {
            mismatch(mismatches, "missing-event", id, "no outbox event for this payment");
          } else if (row.getString("published_at") == null) {
            mismatch(mismatches, "unpublished-event", id, "its event is not relayed yet");
          }
        }
      }
    }
    Map<String, Entry> posted = read(POSTINGS, slot, day);
    Map<String, Entry> merchant = read(MERCHANT_POSTINGS, slot, day);
    compare(paid, posted, mismatches, "posting");
    compare(paid, merchant, mismatches, "merchant-posting");
    report.set("payments", totals(paid));
    report.set("postings", totals(posted));
    report.set("merchantPostings", totals(merchant));
    report.put("balanced", mismatches.isEmpty());
    report.set("mismatches", mismatches);
    long runAt = clock.millis();
    billingWriter.write(
        route,
        c -> {
          try (PreparedStatement save = c.prepareStatement(SAVE)) {
            save.setInt(1, slot);
            save.setString(2, day.toString());
            save.setLong(3, runAt);
            save.setBoolean(4, mismatches.isEmpty());
            save.setInt(5, mismatches.size());
            save.setString(6, report.toString());
            return save.executeUpdate();
          }
        });
    return report;
  }

  private Map<String, Entry> read(String sql, int slot, LocalDate day) throws SQLException {
    Map<String, Entry> entries = new TreeMap<>();
    try (Connection c = billing.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setInt(1, slot);
      select.setString(2, day.toString());
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          entries.put(row.getString(1), new Entry(row.getLong(2), row.getString(3)));
        }
      }
    }
    return entries;
  }

  private static void compare(
      Map<String, Entry> paid, Map<String, Entry> posted, ArrayNode mismatches, String what) {
    paid.forEach(
        (id, payment) -> {
          Entry posting = posted.get(id);
          if (posting == null) {
            mismatch(mismatches, "missing-" + what, id, "the payment has no " + what);
          } else if (!Objects.equals(posting, payment)) {
            mismatch(
                mismatches,
                what + "-differs",
                id,
                "paid "
                    + payment.amount()
                    + " "
                    + payment.currency()
                    + ", posted "
                    + posting.amount()
                    + " "
                    + posting.currency());
          }
        });
    posted.keySet().stream()
        .filter(id -> !paid.containsKey(id))
        .forEach(
            id -> mismatch(mismatches, "orphan-" + what, id, "no payment " + id + " that day"));
  }

  private static ObjectNode totals(Map<String, Entry> entries) {
    ObjectNode totals = BillingJson.JSON.createObjectNode();
    totals.put("count", entries.size());
    ObjectNode sums = totals.putObject("sums");
    Map<String, Long> byCurrency = new TreeMap<>();
    entries.values().forEach(e -> byCurrency.merge(e.currency(), e.amount(), Math::addExact));
    byCurrency.forEach(sums::put);
    return totals;
  }

  private static void mismatch(ArrayNode mismatches, String kind, String paymentId, String detail) {
    ObjectNode m = mismatches.addObject();
    m.put("kind", kind);
    m.put("paymentId", paymentId);
    m.put("detail", detail);
  }
}
