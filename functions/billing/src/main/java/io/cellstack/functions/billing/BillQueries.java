package io.cellstack.functions.billing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellstack.core.id.CellstackId;
import io.cellstack.core.id.IdKind;
import io.cellstack.core.routing.SlotRoute;
import io.cellstack.functions.common.Answer;
import io.cellstack.functions.common.FunctionProblem;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Read-only views of a payer's accounts and bills. */
final class BillQueries {

  private final DataSource dataSource;
  private final BillingStore store;

  BillQueries(DataSource dataSource, BillingStore store) {
    this.dataSource = dataSource;
    this.store = store;
  }

  /** The payer's accounts and latest twelve bills per currency, or one bill by id. */
  Answer query(SlotRoute route, String uid, Optional<String> billId) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      if (billId.isPresent()) {
        String id = billId.get();
        if (!isBillId(id)) {
          throw FunctionProblem.badRequest(
              "malformed-id", "'" + id + "' is not a bill id (30 characters starting BL)");
        }
        return store
            .bill(c, route.slot(), uid, id)
            .map(b -> Answer.json(200, BillingJson.bill(b).toString()))
            .orElseThrow(
                () ->
                    new FunctionProblem(
                        404, "bill-not-found", "Not found", "no bill " + id + " of this payer"));
      }
      ObjectNode answer = BillingJson.JSON.createObjectNode();
      answer.put("uid", uid);
      ArrayNode accounts = answer.putArray("accounts");
      for (Account account : store.accounts(c, route.slot(), uid)) {
        accounts.add(BillingJson.account(account));
      }
      ArrayNode bills = answer.putArray("bills");
      store.recentBills(c, route.slot(), uid, 12).forEach(b -> bills.add(BillingJson.bill(b)));
      return Answer.json(200, answer.toString());
    }
  }

  private static boolean isBillId(String id) {
    try {
      CellstackId parsed = CellstackId.parse(id);
      return parsed.kind() == IdKind.BILL;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
