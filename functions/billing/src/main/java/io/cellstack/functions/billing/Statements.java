package io.cellstack.functions.billing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.functions.common.Answer;
import io.cellstack.starter.fencing.FencedWriter;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The statement: closes a payer's open bills whose cycle has ended by the given day. Running it
 * again closes nothing more, so the scheduler may retry it freely. Postings arriving later go to
 * the next cycle's bill.
 */
final class Statements {

  private final FencedWriter writer;
  private final BillingStore store;
  private final ChangeEvents changes;

  Statements(FencedWriter writer, BillingStore store, ChangeEvents changes) {
    this.writer = writer;
    this.store = store;
    this.changes = changes;
  }

  /** Closes the bills of {@code uid} whose cycle ended on or before {@code asOf}. */
  Answer close(SlotRoute route, String uid, LocalDate asOf) throws SQLException {
    int slot = route.slot();
    List<Bill> closed =
        writer.write(
            route,
            c -> {
              List<Bill> done = new ArrayList<>();
              for (Bill bill : store.openBillsEndedBy(c, slot, uid, asOf)) {
                Bill now = store.close(c, slot, bill);
                Account account =
                    store.account(c, slot, uid, bill.currency(), " FOR UPDATE").orElseThrow();
                changes.append(c, slot, account, List.of(now), "statement", now.id());
                done.add(now);
              }
              return done;
            });
    ObjectNode answer = BillingJson.JSON.createObjectNode();
    answer.put("uid", uid);
    answer.put("asOf", asOf.toString());
    ArrayNode bills = answer.putArray("closed");
    closed.forEach(b -> bills.add(BillingJson.bill(b)));
    return Answer.json(200, answer.toString());
  }
}
