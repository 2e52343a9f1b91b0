package io.cellstack.functions.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The read-only available-credit check: the payer's credit limit minus the credit used, as billing
 * last posted it (in billing's keyspace, on the payer's shard). A payer billing has not seen yet
 * has the default limit. Postings are asynchronous, so payments still on their way to billing are
 * not counted; the per-transaction limit bounds what that lag can let through.
 */
final class CreditCheck {

  private static final String AVAILABLE =
      "SELECT credit_limit - credit_used FROM credit_account WHERE slot = ? AND uid = ? AND currency = ?";

  private final DataSource billing;
  private final long defaultLimit;

  CreditCheck(DataSource billing, long defaultLimit) {
    this.billing = billing;
    this.defaultLimit = defaultLimit;
  }

  /** The credit {@code uid} has left in {@code currency}, in minor units. */
  long available(int slot, String uid, String currency) throws SQLException {
    try (Connection c = billing.getConnection();
        PreparedStatement select = c.prepareStatement(AVAILABLE)) {
      select.setInt(1, slot);
      select.setString(2, uid);
      select.setString(3, currency);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getLong(1) : defaultLimit;
      }
    }
  }
}
