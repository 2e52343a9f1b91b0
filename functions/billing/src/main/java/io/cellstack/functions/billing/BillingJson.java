package io.cellstack.functions.billing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON of billing's records, shared by answers and change events. */
final class BillingJson {

  static final ObjectMapper JSON = new ObjectMapper();

  private BillingJson() {}

  static ObjectNode account(Account account) {
    ObjectNode node = JSON.createObjectNode();
    node.put("uid", account.uid());
    node.put("currency", account.currency());
    node.put("creditLimit", account.creditLimit());
    node.put("creditUsed", account.creditUsed());
    node.put("availableCredit", account.creditLimit() - account.creditUsed());
    node.put("statementDay", account.statementDay());
    node.put("version", account.version());
    return node;
  }

  static ObjectNode bill(Bill bill) {
    ObjectNode node = JSON.createObjectNode();
    node.put("billId", bill.id());
    node.put("uid", bill.uid());
    node.put("currency", bill.currency());
    node.put("cycleStart", bill.cycleStart().toString());
    node.put("cycleEnd", bill.cycleEnd().toString());
    node.put("state", bill.state());
    node.put("posted", bill.posted());
    node.put("repaid", bill.repaid());
    node.put("outstanding", bill.outstanding());
    node.put("postings", bill.postings());
    node.put("version", bill.version());
    return node;
  }
}
