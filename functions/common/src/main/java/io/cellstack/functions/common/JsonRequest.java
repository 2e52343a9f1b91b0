package io.cellstack.functions.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A function's JSON request body with field readers that refuse bad values with a 400 naming the
 * field and what to send instead. Amounts must be JSON integers: {@code 12.5}, {@code 1e3} and
 * {@code "1250"} are refused, never rounded.
 */
public final class JsonRequest {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final ObjectNode body;

  private JsonRequest(ObjectNode body) {
    this.body = body;
  }

  /**
   * Parses {@code body}.
   *
   * @throws FunctionProblem 400 {@code malformed-body} when it is not a JSON object
   */
  public static JsonRequest parse(String body) {
    if (body == null || body.isBlank()) {
      throw FunctionProblem.badRequest(
          "malformed-body", "the request body is empty; send a JSON object");
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw FunctionProblem.badRequest(
          "malformed-body", "the request body is not JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      throw FunctionProblem.badRequest("malformed-body", "the request body must be a JSON object");
    }
    return new JsonRequest(object);
  }

  /** The text of {@code field}, at most {@code maxLength} characters, if present. */
  public Optional<String> optionalText(String field, int maxLength) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > maxLength) {
      throw FunctionProblem.badRequest(
          "invalid-field", "'" + field + "' must be a string of 1 to " + maxLength + " characters");
    }
    return Optional.of(value.asText());
  }

  /** The text of a required {@code field}. */
  public String text(String field, int maxLength) {
    return optionalText(field, maxLength)
        .orElseThrow(
            () -> FunctionProblem.badRequest("missing-field", "'" + field + "' is required"));
  }

  /** A required id field: 1-64 of {@code A-Z a-z 0-9 . _ : -}. */
  public String id(String field) {
    String id = text(field, 64);
    if (!ID.matcher(id).matches()) {
      throw FunctionProblem.badRequest(
          "invalid-field", "'" + field + "' must be 1 to 64 of A-Z a-z 0-9 . _ : -");
    }
    return id;
  }

  /** A required slot number: an integer from 0 to 9999. */
  public int slot(String field) {
    JsonNode value = body.get(field);
    if (value == null
        || !value.isIntegralNumber()
        || !value.canConvertToInt()
        || value.intValue() < 0
        || value.intValue() > 9999) {
      throw FunctionProblem.badRequest(
          "invalid-field", "'" + field + "' must be a slot number from 0 to 9999");
    }
    return value.intValue();
  }

  /**
   * A positive amount: {@code amountField} (integer minor units, 1 to {@link
   * Money#MAX_REQUEST_AMOUNT}) in {@code currencyField} (ISO 4217).
   */
  public Money positiveAmount(String amountField, String currencyField) {
    JsonNode amount = body.get(amountField);
    if (amount == null || amount.isNull()) {
      throw FunctionProblem.badRequest("missing-field", "'" + amountField + "' is required");
    }
    if (!amount.isIntegralNumber()) {
      throw FunctionProblem.badRequest(
          "invalid-amount",
          "'"
              + amountField
              + "' must be an integer number of minor units (1250 for 12.50), not "
              + amount);
    }
    if (amount.bigIntegerValue().signum() <= 0) {
      throw FunctionProblem.badRequest(
          "invalid-amount", "'" + amountField + "' must be positive, not " + amount);
    }
    if (!amount.canConvertToLong() || amount.longValue() > Money.MAX_REQUEST_AMOUNT) {
      throw FunctionProblem.badRequest(
          "invalid-amount",
          "'" + amountField + "' must be at most " + Money.MAX_REQUEST_AMOUNT + " minor units");
    }
    String currency = text(currencyField, 16);
    return new Money(amount.longValue(), Currencies.require(currency));
  }
}
