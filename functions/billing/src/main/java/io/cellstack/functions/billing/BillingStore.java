package io.cellstack.functions.billing;

import io.cellstack.core.id.IdKind;
import io.cellstack.core.id.IdMinter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Credit accounts and bills, read and written on the caller's connection (one slot each). */
final class BillingStore {

  private static final String ACCOUNT_COLUMNS =
      "SELECT uid, currency, credit_limit, credit_used, statement_day, version FROM credit_account";
  private static final String BILL_COLUMNS =
      "SELECT id, uid, currency, cycle_start, cycle_end, state, posted, repaid, postings, version FROM bill";

  private final IdMinter ids;
  private final long defaultCreditLimit;

  BillingStore(IdMinter ids, long defaultCreditLimit) {
    this.ids = ids;
    this.defaultCreditLimit = defaultCreditLimit;
  }

  /** The account of {@code uid} in {@code currency}, created with the defaults, locked. */
  Account lockAccount(Connection c, int slot, String uid, String currency) throws SQLException {
    try (PreparedStatement create =
        c.prepareStatement(
            "INSERT IGNORE INTO credit_account (slot, uid, currency, credit_limit, credit_used, statement_day, version)"
                + " VALUES (?, ?, ?, ?, 0, ?, 0)")) {
      create.setInt(1, slot);
      create.setString(2, uid);
      create.setString(3, currency);
      create.setLong(4, defaultCreditLimit);
      create.setInt(5, BillCycles.defaultStatementDay(uid));
      create.executeUpdate();
    }
    return account(c, slot, uid, currency, " FOR UPDATE").orElseThrow();
  }

  /** The account of {@code uid} in {@code currency}, if billing has seen one. */
  Optional<Account> account(Connection c, int slot, String uid, String currency, String lock)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            ACCOUNT_COLUMNS + " WHERE slot = ? AND uid = ? AND currency = ?" + lock)) {
      select.setInt(1, slot);
      select.setString(2, uid);
      select.setString(3, currency);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(account(row)) : Optional.empty();
      }
    }
  }

  /** Every account of {@code uid}. */
  List<Account> accounts(Connection c, int slot, String uid) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(ACCOUNT_COLUMNS + " WHERE slot = ? AND uid = ? ORDER BY currency")) {
      select.setInt(1, slot);
      select.setString(2, uid);
      List<Account> accounts = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          accounts.add(account(row));
        }
      }
      return accounts;
    }
  }

  /** Adds {@code delta} to the credit used of a locked account; returns the account after. */
  Account addCreditUsed(Connection c, int slot, Account account, long delta) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE credit_account SET credit_used = credit_used + ?, version = version + 1"
                + " WHERE slot = ? AND uid = ? AND currency = ?")) {
      update.setLong(1, delta);
      update.setInt(2, slot);
      update.setString(3, account.uid());
      update.setString(4, account.currency());
      update.executeUpdate();
    }
    return new Account(
        account.uid(),
        account.currency(),
        account.creditLimit(),
        Math.addExact(account.creditUsed(), delta),
        account.statementDay(),
        account.version() + 1);
  }

  /**
   * The open bill that takes a posting made on {@code day}: the bill of the cycle containing the
   * day, or of the first later cycle whose bill is not closed (a posting arriving after the
   * statement goes to the next cycle). Created when missing; locked.
   */
  Bill openBillFor(Connection c, int slot, Account account, LocalDate day) throws SQLException {
    BillCycles.Cycle cycle = BillCycles.containing(day, account.statementDay());
    while (true) {
      try (PreparedStatement create =
          c.prepareStatement(
              "INSERT IGNORE INTO bill (slot, id, uid, currency, cycle_start, cycle_end, state, posted, repaid, postings, version)"
                  + " VALUES (?, ?, ?, ?, ?, ?, 'OPEN', 0, 0, 0, 0)")) {
        create.setInt(1, slot);
        create.setString(2, ids.mint(IdKind.BILL, slot));
        create.setString(3, account.uid());
        create.setString(4, account.currency());
        create.setString(5, cycle.start().toString());
        create.setString(6, cycle.end().toString());
        create.executeUpdate();
      }
      Bill bill =
          one(
                  c,
                  BILL_COLUMNS
                      + " WHERE slot = ? AND uid = ? AND currency = ? AND cycle_start = ? FOR UPDATE",
                  slot,
                  account.uid(),
                  account.currency(),
                  cycle.start().toString())
              .orElseThrow();
      if (Bill.OPEN.equals(bill.state())) {
        return bill;
      }
      cycle = cycle.next();
    }
  }

  /** Adds a posting or a repayment to a locked bill; returns the bill after. */
  Bill addToBill(Connection c, int slot, Bill bill, long posted, long repaid) throws SQLException {
    int postings = posted > 0 ? 1 : 0;
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE bill SET posted = posted + ?, repaid = repaid + ?, postings = postings + ?,"
                + " version = version + 1 WHERE slot = ? AND id = ?")) {
      update.setLong(1, posted);
      update.setLong(2, repaid);
      update.setInt(3, postings);
      update.setInt(4, slot);
      update.setString(5, bill.id());
      update.executeUpdate();
    }
    return new Bill(
        bill.id(),
        bill.uid(),
        bill.currency(),
        bill.cycleStart(),
        bill.cycleEnd(),
        bill.state(),
        Math.addExact(bill.posted(), posted),
        Math.addExact(bill.repaid(), repaid),
        bill.postings() + postings,
        bill.version() + 1);
  }

  /** Closes a locked bill; returns it closed. */
  Bill close(Connection c, int slot, Bill bill) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE bill SET state = 'CLOSED', version = version + 1 WHERE slot = ? AND id = ?")) {
      update.setInt(1, slot);
      update.setString(2, bill.id());
      update.executeUpdate();
    }
    return new Bill(
        bill.id(),
        bill.uid(),
        bill.currency(),
        bill.cycleStart(),
        bill.cycleEnd(),
        Bill.CLOSED,
        bill.posted(),
        bill.repaid(),
        bill.postings(),
        bill.version() + 1);
  }

  /** The latest {@code limit} bills of {@code uid}, newest cycle first. */
  List<Bill> recentBills(Connection c, int slot, String uid, int limit) throws SQLException {
    return bills(
        c,
        " WHERE slot = ? AND uid = ? ORDER BY cycle_start DESC, currency LIMIT ?",
        slot,
        uid,
        limit);
  }

  /** The open bills of {@code uid} whose cycle ended on or before {@code asOf}, locked. */
  List<Bill> openBillsEndedBy(Connection c, int slot, String uid, LocalDate asOf)
      throws SQLException {
    return bills(
        c,
        " WHERE slot = ? AND uid = ? AND state = 'OPEN' AND cycle_end <= ?"
            + " ORDER BY cycle_start, currency FOR UPDATE",
        slot,
        uid,
        asOf);
  }

  /**
   * The bills of {@code uid} in {@code currency} with something left to repay, oldest first,
   * locked.
   */
  List<Bill> outstandingBillsOldestFirst(Connection c, int slot, String uid, String currency)
      throws SQLException {
    return bills(
        c,
        " WHERE slot = ? AND uid = ? AND currency = ? AND posted > repaid"
            + " ORDER BY cycle_start FOR UPDATE",
        slot,
        uid,
        currency);
  }

  private List<Bill> bills(Connection c, String condition, Object... values) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(BILL_COLUMNS + condition)) {
      for (int i = 0; i < values.length; i++) {
        select.setObject(i + 1, values[i]);
      }
      List<Bill> bills = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          bills.add(bill(row));
        }
      }
      return bills;
    }
  }

  /** The bill {@code id} of {@code uid}. */
  Optional<Bill> bill(Connection c, int slot, String uid, String id) throws SQLException {
    return one(c, BILL_COLUMNS + " WHERE slot = ? AND uid = ? AND id = ?", slot, uid, id);
  }

  private Optional<Bill> one(Connection c, String sql, int slot, String... values)
      throws SQLException {
    try (PreparedStatement select = c.prepareStatement(sql)) {
      select.setInt(1, slot);
      for (int i = 0; i < values.length; i++) {
        select.setString(i + 2, values[i]);
      }
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(bill(row)) : Optional.empty();
      }
    }
  }

  private static Account account(ResultSet row) throws SQLException {
    return new Account(
        row.getString("uid"),
        row.getString("currency"),
        row.getLong("credit_limit"),
        row.getLong("credit_used"),
        row.getInt("statement_day"),
        row.getLong("version"));
  }

  private static Bill bill(ResultSet row) throws SQLException {
    return new Bill(
        row.getString("id"),
        row.getString("uid"),
        row.getString("currency"),
        LocalDate.parse(row.getString("cycle_start")),
        LocalDate.parse(row.getString("cycle_end")),
        row.getString("state"),
        row.getLong("posted"),
        row.getLong("repaid"),
        row.getInt("postings"),
        row.getLong("version"));
  }
}
