package io.cellstack.functions.billing;

import io.cellstack.core.routing.SlotRoute;
import io.cellstack.functions.common.PaymentEvent;
import io.cellstack.starter.fencing.FencedWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Merchant accounts, which take postings from every payer at once. Posting row by row into one
 * balance serialises every payer on that row's lock; here each posting is appended to a buffer
 * ({@code merchant_posting}, insert-only, no shared row) in the payer's transaction, and a merger
 * folds the buffer into the merchant's sub-account of that slot. Every merge adds exactly the
 * postings it marks, in one transaction, so a sub-account's balance always equals the sum of its
 * merged postings; the merchant's balance is the sum of its sub-accounts plus the unmerged buffer.
 *
 * <p>{@link Mode#DIRECT} posts straight into the balance (the naive way), kept as the baseline the
 * benchmark compares against and for accounts that are not hot.
 */
public final class HotAccounts {

  /** How postings reach the balance. */
  public enum Mode {
    /** Append to the buffer; the merger folds it in. */
    BUFFERED,
    /** Update the balance row in the posting's transaction. */
    DIRECT
  }

  private static final String APPEND =
      "INSERT INTO merchant_posting (slot, payment_id, merchant_id, amount, currency, business_day, merged_by)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String ADD =
      "INSERT INTO merchant_subaccount (slot, merchant_id, currency, balance, postings, version)"
          + " VALUES (?, ?, ?, ?, ?, 1) ON DUPLICATE KEY UPDATE balance = balance + VALUES(balance),"
          + " postings = postings + VALUES(postings), version = version + 1";
  private static final String MARK =
      "UPDATE merchant_posting SET merged_by = ? WHERE slot = ? AND merged_by IS NULL"
          + " ORDER BY payment_id LIMIT ?";
  private static final String MARKED =
      "SELECT merchant_id, currency, SUM(amount), COUNT(*) FROM merchant_posting"
          + " WHERE slot = ? AND merged_by = ? GROUP BY merchant_id, currency";

  private final Mode mode;
  private final int mergeBatch;

  HotAccounts(Mode mode, int mergeBatch) {
    this.mode = mode;
    this.mergeBatch = mergeBatch;
  }

  /** Posts {@code payment} to its merchant in the caller's transaction (the payer's slot). */
  void post(Connection c, int slot, PaymentEvent payment, String businessDay) throws SQLException {
    boolean direct = mode == Mode.DIRECT;
    try (PreparedStatement append = c.prepareStatement(APPEND)) {
      append.setInt(1, slot);
      append.setString(2, payment.paymentId());
      append.setString(3, payment.payeeId());
      append.setLong(4, payment.amount().minorUnits());
      append.setString(5, payment.amount().currency());
      append.setString(6, businessDay);
      append.setString(7, direct ? "direct" : null);
      append.executeUpdate();
    }
    if (direct) {
      add(
          c,
          slot,
          payment.payeeId(),
          payment.amount().currency(),
          payment.amount().minorUnits(),
          1);
    }
  }

  /**
   * Folds up to the merge batch of buffered postings of {@code route}'s slot into their
   * sub-accounts, in one fenced transaction; returns how many postings it merged. A merge that
   * loses a deadlock to a poster changes nothing and is simply run again.
   */
  int mergeOnce(FencedWriter writer, SlotRoute route) throws SQLException {
    String merge = UUID.randomUUID().toString().replace("-", "");
    return writer.write(
        route,
        Connection.TRANSACTION_READ_COMMITTED, // lock the postings taken, not the gaps posters fill
        c -> {
          int marked;
          try (PreparedStatement mark = c.prepareStatement(MARK)) {
            mark.setString(1, merge);
            mark.setInt(2, route.slot());
            mark.setInt(3, mergeBatch);
            marked = mark.executeUpdate();
          }
          if (marked == 0) {
            return 0;
          }
          try (PreparedStatement sums = c.prepareStatement(MARKED)) {
            sums.setInt(1, route.slot());
            sums.setString(2, merge);
            try (ResultSet row = sums.executeQuery()) {
              while (row.next()) {
                add(
                    c,
                    route.slot(),
                    row.getString(1),
                    row.getString(2),
                    row.getLong(3),
                    row.getLong(4));
              }
            }
          }
          return marked;
        });
  }

  private static void add(
      Connection c, int slot, String merchant, String currency, long amount, long postings)
      throws SQLException {
    try (PreparedStatement add = c.prepareStatement(ADD)) {
      add.setInt(1, slot);
      add.setString(2, merchant);
      add.setString(3, currency);
      add.setLong(4, amount);
      add.setLong(5, postings);
      add.executeUpdate();
    }
  }
}
