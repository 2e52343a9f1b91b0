package io.cellstack.functions.common;

import java.util.Currency;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** ISO 4217 currency codes that denote money (not the test or "no currency" codes). */
public final class Currencies {

  private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
  private static final Set<String> NOT_MONEY = Set.of("XXX", "XTS");
  private static final Set<String> KNOWN =
      Currency.getAvailableCurrencies().stream()
          .map(Currency::getCurrencyCode)
          .filter(code -> !NOT_MONEY.contains(code))
          .collect(Collectors.toUnmodifiableSet());

  private Currencies() {}

  /** True when {@code code} is an ISO 4217 code of a currency. */
  public static boolean isKnown(String code) {
    return code != null && CODE.matcher(code).matches() && KNOWN.contains(code);
  }

  /**
   * {@code code} when it is known.
   *
   * @throws FunctionProblem 400 {@code unknown-currency} otherwise
   */
  public static String require(String code) {
    if (!isKnown(code)) {
      throw FunctionProblem.badRequest(
          "unknown-currency",
          "currency '"
              + code
              + "' is not an ISO 4217 code; use three capital letters such as CNY, EUR or USD");
    }
    return code;
  }
}
