package org.steady.engine.redflag;

import java.util.Optional;
import org.steady.engine.RedFlags;

/** Red-flag matching. Placeholder until the engine slice lands the real matcher. */
public final class Screen {
  private Screen() {}

  public static Optional<RedFlags.Match> screen(RedFlags flags, String text) {
    throw new UnsupportedOperationException("red-flag screen not written yet");
  }
}
