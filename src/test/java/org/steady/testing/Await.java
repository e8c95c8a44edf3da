package org.steady.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls for an asynchronous outcome with a bounded timeout (never waits for time to pass). */
public final class Await {
  private Await() {}

  public static void until(String what, BooleanSupplier condition) {
    until(what, Duration.ofSeconds(20), condition);
  }

  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what);
      }
    }
  }

  /** Polls {@code probe} until it gives a non-null value, and returns that value. */
  public static <T> T value(String what, Duration timeout, Supplier<T> probe) {
    Object[] found = new Object[1];
    until(what, timeout, () -> (found[0] = probe.get()) != null);
    @SuppressWarnings("unchecked")
    T t = (T) found[0];
    return t;
  }
}
