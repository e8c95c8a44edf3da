package org.steady.care;

import java.util.List;
import org.springframework.stereotype.Component;
import org.steady.chat.Inbound;
import org.steady.chat.Outbox;
import org.steady.engine.Effect;

/**
 * Messages to the other side of a link (the patient when a contact acts, and the other way
 * round), queued with ids derived from the inbound event so that a replay sends nothing twice.
 */
@Component
class CareNotices {
  private final Outbox outbox;

  CareNotices(Outbox outbox) {
    this.outbox = outbox;
  }

  void toPatient(Inbound cause, String tag, String patientId, String channel, String chatId,
      String text, List<List<Effect.Button>> buttons) {
    outbox.enqueue("care:" + cause.id() + ":" + tag, patientId, channel, chatId, "send", text,
        buttons, null, false);
  }

  void toContact(Inbound cause, String tag, CareContact c, String text) {
    outbox.enqueue("care:" + cause.id() + ":" + tag, null, c.channel(), c.chatId(), "send", text,
        List.of(), null, false);
  }
}
