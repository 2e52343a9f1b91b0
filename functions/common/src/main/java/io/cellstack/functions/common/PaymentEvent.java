package io.cellstack.functions.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;

/**
 * The event the payment function writes to its outbox with every payment, keyed by the payer's uid;
 * billing posts it to the payer's bill and the merchant's account.
 *
 * @param paymentId the payment's id (slot inside)
 * @param payerUid who pays
 * @param payeeId the merchant paid
 * @param amount the exact amount
 * @param createdAt when the payment was accepted
 */
public record PaymentEvent(
    String paymentId, String payerUid, String payeeId, Money amount, Instant createdAt) {

  /** CloudEvent type of a payment event. */
  public static final String TYPE = "io.cellstack.payment.created";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** This event as JSON. */
  public String toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("paymentId", paymentId);
    node.put("payerUid", payerUid);
    node.put("payeeId", payeeId);
    node.put("amount", amount.minorUnits());
    node.put("currency", amount.currency());
    node.put("createdAt", createdAt.toString());
    return node.toString();
  }

  /**
   * Reads an event written by {@link #toJson()}.
   *
   * @throws FunctionProblem 400 {@code malformed-event} when it is not one
   */
  public static PaymentEvent fromJson(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      JsonNode amount = node.path("amount");
      if (!amount.isIntegralNumber() || !amount.canConvertToLong()) {
        throw new IllegalArgumentException("amount is not an integer");
      }
      return new PaymentEvent(
          required(node, "paymentId"),
          required(node, "payerUid"),
          required(node, "payeeId"),
          new Money(amount.longValue(), required(node, "currency")),
          Instant.parse(required(node, "createdAt")));
    } catch (IOException | RuntimeException e) {
      if (e instanceof FunctionProblem problem) {
        throw problem;
      }
      throw FunctionProblem.badRequest("malformed-event", "not a payment event: " + e.getMessage());
    }
  }

  private static String required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value.asText();
  }
}
