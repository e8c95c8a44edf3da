package org.steady.store;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.steady.chat.Outbox;
import org.steady.engine.Effect;

/** {@link Outbox} on the {@code outbox} collection; wakes the relay after each new entry. */
@Component
public class MongoOutbox implements Outbox {
  private final OutboxEntries entries;
  private final OutboxRelay relay;
  private final Sequencer sequencer;
  private final Clock clock;

  public MongoOutbox(OutboxEntries entries, OutboxRelay relay, Sequencer sequencer, Clock clock) {
    this.entries = entries;
    this.relay = relay;
    this.sequencer = sequencer;
    this.clock = clock;
  }

  @Override
  public void enqueue(String id, String patientId, String channel, String chatId, String kind,
      String text, List<List<Effect.Button>> buttons, String questionToken, boolean urgent) {
    Date now = Date.from(clock.instant());
    boolean added = entries.insert(new Document("_id", id).append("patientId", patientId)
        .append("channel", channel).append("chatId", chatId).append("kind", kind)
        .append("text", text).append("buttons", EffectCodec.buttons(buttons))
        .append("questionToken", questionToken).append("urgent", urgent)
        .append("order", sequencer.next()).append("createdAt", now).append("nextAttemptAt", now));
    if (added && urgent) {
      relay.nudgeUrgent();
    } else if (added) {
      relay.nudge();
    }
  }
}
