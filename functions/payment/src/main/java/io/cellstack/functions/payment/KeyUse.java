package io.cellstack.functions.payment;

/** What an Idempotency-Key was used for before. */
sealed interface KeyUse {

  /** The key was executed before: answer what was answered then. */
  record Replay(int status, String body) implements KeyUse {}

  /** Another request with this key is executing now. */
  record InFlight() implements KeyUse {}

  /** The key was used with other parameters. */
  record Mismatch() implements KeyUse {}
}
