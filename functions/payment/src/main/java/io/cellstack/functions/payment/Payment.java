package io.cellstack.functions.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellstack.functions.common.Money;
import java.time.Instant;

/**
 * An accepted payment, as stored (insert-only) and as answered.
 *
 * @param id the payment id (slot inside)
 * @param payerUid who paid
 * @param payeeId the merchant paid
 * @param amount the exact amount
 * @param idempotencyKey the payer's key of the request
 * @param createdAt when it was accepted
 */
record Payment(
    String id,
    String payerUid,
    String payeeId,
    Money amount,
    String idempotencyKey,
    Instant createdAt) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The answer body for this payment. */
  String toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("paymentId", id);
    node.put("status", "ACCEPTED");
    node.put("payerUid", payerUid);
    node.put("payeeId", payeeId);
    node.put("amount", amount.minorUnits());
    node.put("currency", amount.currency());
    node.put("createdAt", createdAt.toString());
    return node.toString();
  }
}
