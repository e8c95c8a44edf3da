package org.steady.engine;

import java.util.Objects;

/**
 * Free text a patient wrote. {@link #toString()} gives only its length so that patient words never
 * reach a log or an exception message by accident; use {@link #value()} where the text is meant to
 * go (the transcript, the screen).
 */
public record PatientText(String value) {
  public PatientText {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "PatientText[" + value.length() + " chars]";
  }
}
