package org.steady.chat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.steady.engine.Effect;
import org.steady.store.Patient;
import org.steady.store.Transcripts;

/**
 * The shell's own writes around an inbound event: its transcript entry, and replies that do not
 * come from a script (interceptors, unsupported content, an apology after a failure), all with
 * deterministic ids derived from the inbox id.
 */
@Component
class InboundRecorder {
  private final Transcripts transcripts;
  private final Outbox outbox;
  private final Clock clock;

  InboundRecorder(Transcripts transcripts, Outbox outbox, Clock clock) {
    this.transcripts = transcripts;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * A person's message as a transcript entry, not written yet (the effect applier writes it with
   * the step's replies); null for internal events (START, TIMER), which are not messages.
   */
  @Nullable Document inbound(org.steady.store.InboxStore.Entry entry, Patient p,
      Effect.Origin origin) {
    Inbound in = entry.inbound();
    Document fields = new Document();
    switch (in.kind()) {
      case TEXT:
        fields.append("text", in.text() == null ? "" : in.text().value());
        break;
      case COMMAND:
        fields.append("command", in.command()).append("argument", in.argument())
            .append("text", "/" + in.command()
                + (in.argument().isEmpty() ? "" : " " + in.argument()));
        break;
      case BUTTON:
        org.steady.engine.Input.ButtonPress press =
            InputMapper.buttonPress(in.callbackData() == null ? "" : in.callbackData());
        fields.append("button", press.value()).append("questionToken", press.questionToken());
        break;
      case UNSUPPORTED:
        break;
      default:
        return null;
    }
    return transcripts.inboundEntry(entry.id(), p.id(), in.channel(), in.at(),
        in.kind().name().toLowerCase(java.util.Locale.ROOT), fields, origin);
  }

  /** Records content Steady cannot read (a sticker, a voice note) and says so. */
  void unsupported(org.steady.store.InboxStore.Entry entry, Patient p) {
    Document message = inbound(entry, p, null);
    if (message != null) {
      transcripts.insertAll(List.of(message));
    }
    reply(entry, p.id(), "r0", Texts.unsupported(p.locale()), List.of());
  }

  /** Best effort: tells the person something went wrong on our side. */
  void apologise(org.steady.store.InboxStore.Entry entry) {
    Inbound in = entry.inbound();
    if (in.kind() == Inbound.Kind.START || in.kind() == Inbound.Kind.TIMER) {
      return;
    }
    try {
      reply(entry, Patient.idFor(in.channel(), in.chatId()), "error",
          Texts.apology(in.languageCode()), List.of());
    } catch (RuntimeException ignored) {
      // the failure is already recorded on the inbox entry
    }
  }

  InboundInterceptor.Replies replies(org.steady.store.InboxStore.Entry entry, Patient known) {
    String patientId = known == null ? null : known.id();
    AtomicInteger n = new AtomicInteger();
    return new InboundInterceptor.Replies() {
      @Override
      public void text(String text) {
        reply(entry, patientId, "r" + n.getAndIncrement(), text, List.of());
      }

      @Override
      public void buttons(String text, List<List<Effect.Button>> rows) {
        reply(entry, patientId, "r" + n.getAndIncrement(), text, rows);
      }
    };
  }

  private void reply(org.steady.store.InboxStore.Entry entry, String patientId, String suffix,
      String text, List<List<Effect.Button>> rows) {
    Inbound in = entry.inbound();
    String id = entry.id() + ":" + suffix;
    if (patientId != null) {
      transcripts.outboundText(id, patientId, in.channel(), clock.instant(), text, rows);
    }
    outbox.enqueue(id, patientId, in.channel(), in.chatId(), "send", text, rows, null, false);
  }
}
