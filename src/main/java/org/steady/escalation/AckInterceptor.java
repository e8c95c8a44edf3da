package org.steady.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.steady.care.CareContacts;
import org.steady.care.PatientDirectory;
import org.steady.chat.Inbound;
import org.steady.chat.InboundInterceptor;
import org.steady.chat.Outbox;
import org.steady.chat.PatientRef;

/**
 * The alert buttons {@code ack:<ref>} and {@code contacted:<ref>}. A press counts only from a
 * chat the alert was sent to and only while the escalation is open; the other alerted contacts
 * are told. A second press, a stale button or someone else's press gets a polite reply and
 * changes nothing.
 */
@Component
class AckInterceptor implements InboundInterceptor {
  private final Escalations escalations;
  private final CareContacts contacts;
  private final PatientDirectory directory;
  private final Outbox outbox;
  private final Clock clock;

  AckInterceptor(Escalations escalations, CareContacts contacts, PatientDirectory directory,
      Outbox outbox, Clock clock) {
    this.escalations = escalations;
    this.contacts = contacts;
    this.directory = directory;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public int order() {
    return -90;
  }

  @Override
  public boolean intercept(Inbound in, Optional<PatientRef> patient, Replies replies) {
    String data = in.callbackData();
    if (in.kind() != Inbound.Kind.BUTTON || data == null) {
      return false;
    }
    boolean contacted = data.startsWith("contacted:");
    if (!contacted && !data.startsWith("ack:")) {
      return false;
    }
    String ref = data.substring(data.indexOf(':') + 1);
    Optional<Escalation> found = escalations.byRef(ref);
    int index = found.map(e -> e.alertedIndexOf(in.channel(), in.chatId())).orElse(-1);
    if (index < 0) {
      replies.text("This button is not valid for you. Nothing was changed.");
      return true;
    }
    Escalation e = found.get();
    String by = in.channel() + ":" + in.chatId();
    Instant now = clock.instant();
    String type = contacted ? "contacted" : "acknowledged";
    // in a staff group several people share one chat: the timeline names who pressed
    String detail = e.targets().get(index).staff() && in.displayName() != null
        ? by + " (" + in.displayName() + ")" : by;
    if (escalations.acknowledge(e.id(), by, Escalations.event(now, type, index, detail))) {
      replies.text(contacted ? "Thank you for reaching out to them. This is recorded."
          : "Thank you. Your acknowledgement is recorded.");
      tellOthers(in, e, index);
      return true;
    }
    Escalation now2 = escalations.byId(e.id()).orElse(e);
    if (now2.status() == Escalation.Status.ACKNOWLEDGED && by.equals(now2.acknowledgedBy())) {
      if (contacted) {
        escalations.record(e.id(), Escalations.event(now, "contacted", index, by));
        replies.text("Thank you for reaching out to them. This is recorded.");
      } else {
        replies.text("You have already acknowledged this alert. Thank you.");
      }
    } else if (now2.status() == Escalation.Status.ACKNOWLEDGED) {
      replies.text("Another contact has already acknowledged this alert. Thank you.");
    } else {
      replies.text("This alert is already closed. Thank you.");
    }
    return true;
  }

  private void tellOthers(Inbound in, Escalation e, int index) {
    Escalation.Target acker = e.targets().get(index);
    String who = acker.staff() ? "Program staff" : contacts.byId(acker.contactId())
        .map(AlertTexts::who).orElse("Another contact");
    PatientDirectory.Info p = EscalationService.info(directory, e.patientId(), null);
    for (int i = 0; i < Math.min(e.step(), e.targets().size()); i++) {
      Escalation.Target t = e.targets().get(i);
      if (i == index || (t.channel().equals(acker.channel()) && t.chatId().equals(acker.chatId()))) {
        continue;
      }
      String id = "ackinfo:" + e.id() + ":" + i;
      outbox.enqueue(id, null, t.channel(), t.chatId(), "send",
          AlertTexts.acknowledgedByOther(who, p), java.util.List.of(), null, true);
      escalations.record(e.id(), Escalations.event(clock.instant(), "others_told", i,
          "outbox " + id));
    }
  }

}
