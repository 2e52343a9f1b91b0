package io.cellstack.functions.billing;

/**
 * A payer's credit account in one currency.
 *
 * @param uid the payer
 * @param currency ISO 4217 code
 * @param creditLimit the limit, minor units
 * @param creditUsed posted minus repaid, minor units
 * @param statementDay the day of month the cycle closes (1-28)
 * @param version bumped on every change
 */
record Account(
    String uid,
    String currency,
    long creditLimit,
    long creditUsed,
    int statementDay,
    long version) {}
