package org.steady.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.steady.engine.Effect;
import org.steady.store.Answers;
import org.steady.store.Patient;
import org.steady.store.Patients;
import org.steady.store.Transcripts;

/**
 * Carries out one input's effects, each under the deterministic id {@code <inbox id>:<index>}:
 * messages into the outbox and the transcript, answers into {@code answers} and onto the inbound
 * transcript entry, profile changes onto the patient, and every other effect to the
 * {@link EffectHandler} beans. Every write is idempotent, so applying the same list twice (a
 * replay after a crash) changes nothing the second time.
 */
@Component
class EffectApplier {
  private static final Logger log = LoggerFactory.getLogger(EffectApplier.class);

  private final Outbox outbox;
  private final Transcripts transcripts;
  private final Answers answers;
  private final Patients patients;
  private final List<EffectHandler> handlers;
  private final Clock clock;

  EffectApplier(Outbox outbox, Transcripts transcripts, Answers answers, Patients patients,
      List<EffectHandler> handlers, Clock clock) {
    this.outbox = outbox;
    this.transcripts = transcripts;
    this.answers = answers;
    this.patients = patients;
    this.handlers = handlers;
    this.clock = clock;
  }

  /**
   * @param message the person's message that led to these effects, as a transcript entry not
   *     written yet (null for internal events): it is written with the replies, carrying the
   *     answers it gave
   */
  void apply(Patient p, String inboxId, List<Effect> effects, @Nullable Document message) {
    Instant at = clock.instant();
    PatientRef ref = new PatientRef(p.id(), p.channel(), p.chatId(), p.locale());
    List<Document> transcript = new ArrayList<>();
    if (message != null) {
      transcript.add(message);
    }
    try {
      applyEach(p, ref, inboxId, effects, message, transcript, at);
    } finally {
      transcripts.insertAll(transcript); // what was sent is on record even if a handler failed
    }
  }

  private void applyEach(Patient p, PatientRef ref, String inboxId, List<Effect> effects,
      @Nullable Document message, List<Document> transcript, Instant at) {
    for (int i = 0; i < effects.size(); i++) {
      Effect e = effects.get(i);
      String id = inboxId + ":" + i;
      if (e instanceof Effect.SendMessage) {
        Effect.SendMessage m = (Effect.SendMessage) e;
        transcript.add(transcripts.outboundEntry(id, p.id(), p.channel(), at, m));
        outbox.enqueue(id, p.id(), p.channel(), p.chatId(), "send", m.text(), m.buttons(),
            m.questionToken(), m.urgent());
      } else if (e instanceof Effect.UpdateButtons) {
        Effect.UpdateButtons u = (Effect.UpdateButtons) e;
        outbox.enqueue(id, p.id(), p.channel(), p.chatId(), "edit_buttons", null, u.buttons(),
            u.questionToken(), false);
      } else if (e instanceof Effect.CloseQuestion) {
        Effect.CloseQuestion c = (Effect.CloseQuestion) e;
        outbox.enqueue(id, p.id(), p.channel(), p.chatId(), "close", c.chosen(), List.of(),
            c.questionToken(), false);
      } else if (e instanceof Effect.RecordAnswer) {
        Effect.RecordAnswer a = (Effect.RecordAnswer) e;
        answers.record(id, p.id(), at, a);
        if (message != null) {
          Transcripts.addAnswer(message, a);
        } else {
          transcripts.attachAnswer(inboxId, a); // a timer's default, say, with no message
        }
        handOver(ref, e, id);
      } else if (e instanceof Effect.UpdateProfile) {
        Effect.UpdateProfile u = (Effect.UpdateProfile) e;
        patients.updateProfile(p.id(), u.field(), u.value());
        handOver(ref, e, id);
      } else if (e instanceof Effect.RaiseEscalation || e instanceof Effect.ScheduleTimer
          || e instanceof Effect.CancelTimer || e instanceof Effect.ConversationEnded) {
        handOver(ref, e, id);
      } else {
        throw new IllegalStateException("unhandled effect type " + e.type());
      }
    }
  }

  private void handOver(PatientRef ref, Effect e, String id) {
    boolean handled = false;
    for (EffectHandler h : handlers) {
      if (h.handles(e)) {
        h.handle(ref, e, id);
        handled = true;
      }
    }
    if (!handled && (e instanceof Effect.RaiseEscalation || e instanceof Effect.ScheduleTimer
        || e instanceof Effect.CancelTimer)) {
      log.warn("no handler for effect {} ({})", e.type(), id);
    }
  }
}
