package io.cellstack.functions.payment;

import io.cellstack.functions.common.IdempotencyKey;
import io.cellstack.functions.common.JsonRequest;
import io.cellstack.functions.common.Money;

/**
 * What a payer asks for: pay {@code amount} to merchant {@code payeeId}.
 *
 * @param payeeId the merchant
 * @param amount the exact amount
 */
record PayRequest(String payeeId, Money amount) {

  /** Reads {@code {"payeeId": "...", "amount": 1250, "currency": "CNY"}}; 400 on bad input. */
  static PayRequest parse(String body) {
    JsonRequest json = JsonRequest.parse(body);
    return new PayRequest(json.id("payeeId"), json.positiveAmount("amount", "currency"));
  }

  /** The fingerprint compared when the same key comes again. */
  String fingerprint() {
    return IdempotencyKey.fingerprint(
        payeeId, Long.toString(amount.minorUnits()), amount.currency());
  }
}
