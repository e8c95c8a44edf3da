package org.steady.chat;

import java.util.Objects;

/** Who a conversation belongs to, enough to address them in their channel. */
public record PatientRef(String patientId, String channel, String chatId, String locale) {
  public PatientRef {
    Objects.requireNonNull(patientId, "patientId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(chatId, "chatId");
    locale = locale == null ? "en" : locale;
  }
}
