package io.cellstack.functions.billing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellstack.starter.outbox.Outbox;
import io.cellstack.starter.outbox.OutboxEvent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code billing.changes}: after every change, the new state of the account and the bills it
 * touched, keyed by uid, written to the outbox in the same transaction. The peer cell's replica
 * applies them in order (per-uid order on a Key_Shared subscription) and keeps the highest version.
 */
final class ChangeEvents {

  /** CloudEvent type of a billing change. */
  static final String TYPE = "io.cellstack.billing.changed";

  private final Outbox outbox;
  private final String topic;

  ChangeEvents(Outbox outbox, String topic) {
    this.outbox = outbox;
    this.topic = topic;
  }

  /** Appends the change caused by {@code causeType} {@code causeId}. */
  void append(
      Connection c, int slot, Account account, List<Bill> bills, String causeType, String causeId)
      throws SQLException {
    ObjectNode event = BillingJson.JSON.createObjectNode();
    event.put("cause", causeType);
    event.put("causeId", causeId);
    event.set("account", BillingJson.account(account));
    ArrayNode touched = event.putArray("bills");
    bills.forEach(b -> touched.add(BillingJson.bill(b)));
    outbox.append(
        c,
        new OutboxEvent(
            slot,
            topic,
            account.uid(),
            TYPE,
            event.toString().getBytes(StandardCharsets.UTF_8),
            null));
  }
}
