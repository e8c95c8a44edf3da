package org.steady.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.steady.care.CareContact;
import org.steady.care.CareContacts;
import org.steady.care.PatientDirectory;
import org.steady.care.ShortIds;
import org.steady.chat.EffectHandler;
import org.steady.chat.Outbox;
import org.steady.chat.PatientRef;
import org.steady.engine.Effect;
import org.steady.engine.PatientText;
import org.steady.engine.Severity;

/**
 * Carries out {@link Effect.RaiseEscalation}. Crisis first: an urgent one queues the crisis
 * resources for the patient in the urgent lane before anything else, every time, whether or not
 * a contact is linked or the same reason was raised a minute ago. Then it stores the escalation
 * (id = effect id, so a replay is a no-op) and alerts the first contact at once. The same rule
 * for the same patient within the dedup window is recorded but alerts no one again.
 */
@Component
public class EscalationService implements EffectHandler {
  private static final Logger log = LoggerFactory.getLogger(EscalationService.class);

  private final Escalations escalations;
  private final CareContacts contacts;
  private final PatientDirectory directory;
  private final CrisisResources crisis;
  private final AlertDispatcher dispatcher;
  private final Outbox outbox;
  private final EscalationProperties props;
  private final Clock clock;

  public EscalationService(Escalations escalations, CareContacts contacts,
      PatientDirectory directory, CrisisResources crisis, AlertDispatcher dispatcher,
      Outbox outbox, EscalationProperties props, Clock clock) {
    this.escalations = escalations;
    this.contacts = contacts;
    this.directory = directory;
    this.crisis = crisis;
    this.dispatcher = dispatcher;
    this.outbox = outbox;
    this.props = props;
    this.clock = clock;
  }

  @Override
  public boolean handles(Effect effect) {
    return effect instanceof Effect.RaiseEscalation;
  }

  @Override
  public void handle(PatientRef patient, Effect effect, String effectId) {
    Effect.RaiseEscalation r = (Effect.RaiseEscalation) effect;
    Instant now = clock.instant();
    PatientDirectory.Info info = info(directory, patient.patientId(), patient);
    List<Document> timeline = new ArrayList<>();
    timeline.add(Escalations.event(now, "raised", null, r.severity().wireName() + "; " + r.rule()));
    if (r.severity() == Severity.URGENT) {
      String crisisId = "crisis:" + effectId;
      outbox.enqueue(crisisId, patient.patientId(), patient.channel(), patient.chatId(), "send",
          crisis.message(info), List.of(), null, true);
      timeline.add(Escalations.event(now, "crisis_queued", null, "outbox " + crisisId));
    }
    if (escalations.byId(effectId).isPresent()) {
      dispatcher.runOne(effectId);
      return;
    }
    String dedupKey = patient.patientId() + "|" + r.rule();
    Optional<Escalation> earlier = escalations.recent(dedupKey, now.minus(props.dedupWindow()),
        effectId);
    Escalation.Status status = r.severity() == Severity.INFO ? Escalation.Status.NOTED
        : earlier.isPresent() ? Escalation.Status.SUPPRESSED : Escalation.Status.OPEN;
    Document d = document(effectId, patient.patientId(), r, status, now, dedupKey);
    earlier.ifPresent(e -> d.append("duplicateOf", e.id()));
    d.append("timeline", timeline);
    if (!escalations.insert(d)) {
      dispatcher.runOne(effectId);
      return;
    }
    log.info("escalation {} raised: {} {} -> {}", effectId, r.severity().wireName(), r.rule(),
        status);
    if (earlier.isPresent()) {
      escalations.record(earlier.get().id(), Escalations.event(now, "repeated", null,
          "same rule again within the dedup window: " + effectId));
    }
    if (status == Escalation.Status.OPEN) {
      dispatcher.runOne(effectId);
    }
  }

  private Document document(String id, String patientId, Effect.RaiseEscalation r,
      Escalation.Status status, Instant now, String dedupKey) {
    List<Document> targets = new ArrayList<>();
    for (CareContact c : contacts.active(patientId)) {
      targets.add(new Escalation.Target("contact", c.id(), c.channel(), c.chatId()).toDocument());
    }
    EscalationProperties.StaffChat staff = props.staffChat();
    if (staff != null && staff.configured()) {
      targets.add(new Escalation.Target("staff", null, staff.channel(), staff.chatId())
          .toDocument());
    }
    Document evidence = new Document();
    for (Map.Entry<String, Object> e : r.evidence().entrySet()) {
      Object v = e.getValue();
      evidence.append(e.getKey().replace('.', '_').replace('$', '_'),
          v instanceof PatientText ? ((PatientText) v).value() : String.valueOf(v));
    }
    Document d = new Document("_id", id).append("ref", ShortIds.derived(id, 12))
        .append("patientId", patientId).append("severity", r.severity().wireName())
        .append("reason", r.reason()).append("rule", r.rule()).append("evidence", evidence)
        .append("dedupKey", dedupKey).append("status", status.name())
        .append("raisedAt", Date.from(now)).append("step", 0)
        .append("nextActionAt", status == Escalation.Status.OPEN ? Date.from(now) : null)
        .append("targets", targets);
    if (r.origin() != null) {
      d.append("origin", new Document("scriptId", r.origin().scriptId())
          .append("scriptVersion", r.origin().scriptVersion())
          .append("stepId", r.origin().stepId()));
    }
    return d;
  }

  /** The patient from the directory, or a minimal record from what the shell passed in. */
  static PatientDirectory.Info info(PatientDirectory directory, String patientId,
      @Nullable PatientRef ref) {
    return directory.find(patientId).orElseGet(() -> {
      int colon = patientId.indexOf(':');
      String channel = ref != null ? ref.channel() : colon > 0 ? patientId.substring(0, colon) : "";
      String chat = ref != null ? ref.chatId() : patientId.substring(colon + 1);
      return new PatientDirectory.Info(patientId, channel, chat, null,
          ref != null ? ref.locale() : "en", ZoneId.of("UTC"), Map.of());
    });
  }
}
