package io.cellstack.local;

import java.io.PrintStream;
import java.util.Locale;

/** Prints what local mode is doing, with the seconds since it started. */
final class Progress {

  private final PrintStream out;
  private final long start = System.nanoTime();

  Progress(PrintStream out) {
    this.out = out;
  }

  void step(String what) {
    out.printf(Locale.ROOT, "[%5.1fs] %s%n", seconds(), what);
    out.flush();
  }

  double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }
}
