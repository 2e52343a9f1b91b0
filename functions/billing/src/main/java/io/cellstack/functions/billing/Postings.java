package io.cellstack.functions.billing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellstack.core.id.CellstackId;
import io.cellstack.core.id.IdKind;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.functions.common.Answer;
import io.cellstack.functions.common.FunctionProblem;
import io.cellstack.functions.common.PaymentEvent;
import io.cellstack.starter.fencing.FencedWriter;
import io.cellstack.starter.outbox.Inbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Posts payment events to the payer's bill exactly once. In one transaction fenced by the payer's
 * (slot, epoch): the event id goes to the inbox, the payment id to {@code bill_posting} (both drop
 * a duplicate), the amount to the open bill and the credit used, the merchant's share to its hot
 * account, and a change event to the outbox.
 */
final class Postings {

  private static final String RECORD =
      "INSERT IGNORE INTO bill_posting (slot, payment_id, uid, bill_id, amount, currency, business_day, event_id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private final FencedWriter writer;
  private final BillingStore store;
  private final HotAccounts merchants;
  private final ChangeEvents changes;

  Postings(FencedWriter writer, BillingStore store, HotAccounts merchants, ChangeEvents changes) {
    this.writer = writer;
    this.store = store;
    this.merchants = merchants;
    this.changes = changes;
  }

  /**
   * Posts the payment event {@code eventId} delivered for {@code uid}.
   *
   * @throws FunctionProblem 400 when the event is not a payment of {@code uid} or its id is not a
   *     Cellstack id (the event bridge dead-letters it at once)
   */
  Answer post(SlotRoute route, String uid, String eventId, PaymentEvent payment)
      throws SQLException {
    check(route, uid, eventId, payment);
    String day = payment.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    return writer.write(
        route,
        c -> {
          ObjectNode answer = BillingJson.JSON.createObjectNode();
          answer.put("paymentId", payment.paymentId());
          if (!Inbox.firstDelivery(c, eventId)
              || !reserve(c, route.slot(), payment, eventId, day)) {
            answer.put("posted", false);
            answer.put("duplicate", true);
            return Answer.json(200, answer.toString());
          }
          int slot = route.slot();
          Account account = store.lockAccount(c, slot, uid, payment.amount().currency());
          Bill bill = store.openBillFor(c, slot, account, LocalDate.parse(day));
          bill = store.addToBill(c, slot, bill, payment.amount().minorUnits(), 0);
          account = store.addCreditUsed(c, slot, account, payment.amount().minorUnits());
          setBill(c, slot, payment.paymentId(), bill.id());
          merchants.post(c, slot, payment, day);
          changes.append(c, slot, account, List.of(bill), "payment", payment.paymentId());
          answer.put("posted", true);
          answer.put("billId", bill.id());
          return Answer.json(200, answer.toString());
        });
  }

  private static void check(SlotRoute route, String uid, String eventId, PaymentEvent payment) {
    if (!payment.payerUid().equals(uid)) {
      throw FunctionProblem.badRequest(
          "wrong-subject",
          "the event's subject " + uid + " is not the payer " + payment.payerUid());
    }
    try {
      CellstackId.parse(eventId);
      CellstackId id = CellstackId.parse(payment.paymentId());
      if (id.kind() != IdKind.PAYMENT || id.slot() != route.slot()) {
        throw new IllegalArgumentException("not a payment id of slot " + route.slot());
      }
    } catch (IllegalArgumentException e) {
      throw FunctionProblem.badRequest("malformed-event", e.getMessage());
    }
  }

  /** Records the payment as posted (bill filled in below); false when it was posted before. */
  private static boolean reserve(
      Connection c, int slot, PaymentEvent payment, String eventId, String day)
      throws SQLException {
    try (PreparedStatement record = c.prepareStatement(RECORD)) {
      record.setInt(1, slot);
      record.setString(2, payment.paymentId());
      record.setString(3, payment.payerUid());
      record.setString(4, "");
      record.setLong(5, payment.amount().minorUnits());
      record.setString(6, payment.amount().currency());
      record.setString(7, day);
      record.setString(8, eventId);
      return record.executeUpdate() == 1;
    }
  }

  private static void setBill(Connection c, int slot, String paymentId, String billId)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE bill_posting SET bill_id = ? WHERE slot = ? AND payment_id = ?")) {
      update.setString(1, billId);
      update.setInt(2, slot);
      update.setString(3, paymentId);
      update.executeUpdate();
    }
  }
}
