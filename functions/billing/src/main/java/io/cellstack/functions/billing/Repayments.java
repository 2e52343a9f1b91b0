package io.cellstack.functions.billing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellstack.core.id.IdKind;
import io.cellstack.core.id.IdMinter;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.functions.common.Answer;
import io.cellstack.functions.common.FunctionProblem;
import io.cellstack.functions.common.IdempotencyKey;
import io.cellstack.functions.common.Money;
import io.cellstack.starter.fencing.FencedWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Repayment, idempotent by the payer's {@code Idempotency-Key}: pays down the oldest outstanding
 * bills first and lowers the credit used, in one transaction that also stores the answer under the
 * key. A replay answers what was answered; the same key with another amount is refused.
 */
final class Repayments {

  private static final String STORED =
      "SELECT fingerprint, status, body FROM repayment WHERE slot = ? AND uid = ? AND idempotency_key = ?";
  private static final String STORE =
      "INSERT INTO repayment (slot, uid, idempotency_key, id, fingerprint, amount, currency, status, body)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final FencedWriter writer;
  private final BillingStore store;
  private final ChangeEvents changes;
  private final IdMinter ids;

  Repayments(FencedWriter writer, BillingStore store, ChangeEvents changes, IdMinter ids) {
    this.writer = writer;
    this.store = store;
    this.changes = changes;
    this.ids = ids;
  }

  /** Repays {@code amount} of {@code uid}'s debt once per {@code key}. */
  Answer repay(SlotRoute route, String uid, String key, Money amount) throws SQLException {
    int slot = route.slot();
    String fingerprint =
        IdempotencyKey.fingerprint(Long.toString(amount.minorUnits()), amount.currency());
    return writer.write(
        route,
        c -> {
          Account account = store.lockAccount(c, slot, uid, amount.currency());
          Optional<Answer> stored = stored(c, slot, uid, key, fingerprint);
          if (stored.isPresent()) {
            return stored.get();
          }
          if (amount.minorUnits() > account.creditUsed()) {
            throw new FunctionProblem(
                422,
                "repayment-exceeds-debt",
                "Repayment exceeds the debt",
                "the payer owes "
                    + account.creditUsed()
                    + " "
                    + amount.currency()
                    + ", less than the "
                    + amount
                    + " repaid");
          }
          String id = ids.mint(IdKind.REPAYMENT, slot);
          List<Bill> touched = new ArrayList<>();
          long left = amount.minorUnits();
          for (Bill bill : store.outstandingBillsOldestFirst(c, slot, uid, amount.currency())) {
            if (left == 0) {
              break;
            }
            long part = Math.min(left, bill.outstanding());
            touched.add(store.addToBill(c, slot, bill, 0, part));
            left -= part;
          }
          if (left != 0) {
            throw new IllegalStateException(
                "credit used of " + uid + " does not match its bills; " + left + " unallocated");
          }
          account = store.addCreditUsed(c, slot, account, -amount.minorUnits());
          changes.append(c, slot, account, touched, "repayment", id);
          ObjectNode body = BillingJson.JSON.createObjectNode();
          body.put("repaymentId", id);
          body.put("amount", amount.minorUnits());
          body.put("currency", amount.currency());
          body.set("account", BillingJson.account(account));
          ArrayNode bills = body.putArray("bills");
          touched.forEach(b -> bills.add(BillingJson.bill(b)));
          Answer answer = Answer.json(201, body.toString());
          try (PreparedStatement save = c.prepareStatement(STORE)) {
            save.setInt(1, slot);
            save.setString(2, uid);
            save.setString(3, key);
            save.setString(4, id);
            save.setString(5, fingerprint);
            save.setLong(6, amount.minorUnits());
            save.setString(7, amount.currency());
            save.setInt(8, answer.status());
            save.setString(9, answer.body());
            save.executeUpdate();
          }
          return answer;
        });
  }

  private static Optional<Answer> stored(
      Connection c, int slot, String uid, String key, String fingerprint) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(STORED)) {
      select.setInt(1, slot);
      select.setString(2, uid);
      select.setString(3, key);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        if (!row.getString("fingerprint").equals(fingerprint)) {
          throw new FunctionProblem(
              422,
              "idempotency-key-reused",
              "Idempotency-Key reused",
              "this Idempotency-Key was used for another repayment; use a new key");
        }
        return Optional.of(
            new Answer(row.getInt("status"), "application/json", row.getString("body"), Map.of())
                .withHeader("Idempotent-Replayed", "true"));
      }
    }
  }
}
