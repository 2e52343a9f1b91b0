package io.cellstack.functions.payment;

/** What claiming an idempotency key found. */
sealed interface Claim {

  /** The key is ours to execute; {@code token} proves it when completing. */
  record Claimed(String token) implements Claim {}

  /** The key was executed before: answer what was answered then. */
  record Replay(int status, String body) implements Claim {}

  /** Another attempt with this key is executing now. */
  record InFlight() implements Claim {}

  /** The key was used with other parameters. */
  record Mismatch() implements Claim {}
}
