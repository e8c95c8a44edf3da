package org.steady.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.steady.care.CareContact;
import org.steady.care.CareContacts;
import org.steady.care.PatientDirectory;
import org.steady.chat.Outbox;
import org.steady.engine.Severity;

/**
 * Alerts the next target of an open escalation and sets when the one after is due. Claim first
 * (a lease on {@code nextActionAt}), queue the alert under a deterministic outbox id, then commit
 * the step: a crash in between repeats the same alert id (a no-op) after the lease, so an alert
 * is delayed at worst, never lost, and never sent twice.
 */
@Component
public class AlertDispatcher {
  private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
  private static final int MAX_PER_RUN = 1000;

  private final Escalations escalations;
  private final CareContacts contacts;
  private final PatientDirectory directory;
  private final Outbox outbox;
  private final EscalationProperties props;
  private final Clock clock;

  public AlertDispatcher(Escalations escalations, CareContacts contacts,
      PatientDirectory directory, Outbox outbox, EscalationProperties props, Clock clock) {
    this.escalations = escalations;
    this.contacts = contacts;
    this.directory = directory;
    this.outbox = outbox;
    this.props = props;
    this.clock = clock;
  }

  /** Handles every escalation that is due now; returns how many steps were taken. */
  public int runDue() {
    int n = 0;
    while (n < MAX_PER_RUN) {
      Instant now = clock.instant();
      Optional<Escalation> e = escalations.claimDue(null, now, now.plus(props.claimLease()));
      if (e.isEmpty()) {
        break;
      }
      step(e.get(), now);
      n++;
    }
    return n;
  }

  /** Takes the next step of one escalation now, if it is due. */
  void runOne(String id) {
    Instant now = clock.instant();
    escalations.claimDue(id, now, now.plus(props.claimLease())).ifPresent(e -> step(e, now));
  }

  Duration timeout(Severity s) {
    return s == Severity.URGENT ? props.urgentAckTimeout() : props.concernAckTimeout();
  }

  private void step(Escalation e, Instant now) {
    List<Document> events = new ArrayList<>();
    PatientDirectory.Info p = EscalationService.info(directory, e.patientId(), null);
    int s = e.step();
    if (s > 0 && s <= e.targets().size()) {
      events.add(Escalations.event(now, "not_acknowledged", s - 1,
          "no acknowledgement within " + timeout(e.severity())));
    }
    while (s < e.targets().size()) {
      Escalation.Target t = e.targets().get(s);
      Optional<CareContact> c = t.staff() ? Optional.empty()
          : contacts.byId(t.contactId()).filter(x -> x.active()
              && x.patientId().equals(e.patientId()));
      if (!t.staff() && c.isEmpty()) {
        events.add(Escalations.event(now, "skipped", s, "contact no longer linked"));
        s++;
        continue;
      }
      boolean evidence = t.staff() || c.get().sharesAnswers();
      String outboxId = "alert:" + e.id() + ":" + s;
      outbox.enqueue(outboxId, null, t.channel(), t.chatId(), "send",
          AlertTexts.alert(e, p, s, t.staff(), evidence), AlertTexts.buttons(e.ref()), null,
          true);
      events.add(Escalations.event(now, s == 0 ? "alert_queued" : "re_escalated", s,
          (t.staff() ? "staff chat" : "contact " + t.contactId()) + "; outbox " + outboxId
              + (evidence ? "; with answers" : "; without answers")));
      commit(e, s + 1, now.plus(timeout(e.severity())), events);
      return;
    }
    events.add(Escalations.event(now, "no_one_left", null, props.staffChat() != null
        && props.staffChat().configured()
        ? "no one acknowledged; nobody else to alert; stays open"
        : "no one else could be alerted (no further contact, no staff chat); stays open"));
    commit(e, s, null, events);
  }

  private void commit(Escalation e, int toStep, Instant next, List<Document> events) {
    if (!escalations.advance(e.id(), e.step(), toStep, next, events)) {
      log.info("escalation {} step {} was taken by someone else", e.id(), e.step());
    }
  }
}
