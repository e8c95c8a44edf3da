package org.steady.chat;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.steady.engine.ConversationState;
import org.steady.engine.Context;
import org.steady.engine.Effect;
import org.steady.engine.Engine;
import org.steady.engine.Input;
import org.steady.store.InboxStore;
import org.steady.store.Patient;
import org.steady.store.Patients;
import org.steady.store.Sessions;

/**
 * Processes a chat's unprocessed inbox entries in order: interceptors first, then the engine,
 * then the effects; the entry is marked processed last. A crash anywhere in between is repaired
 * by processing the entry again: the session remembers the last input it applied with its
 * effects, and every effect write is idempotent. So processing needs no durable commit of its
 * own: the inbox entry was made durable when it was accepted, and the outbox relay commits
 * before anything leaves the process. One bad event never stops the others: it is
 * marked {@code failed} with its error class, and only ids are logged.
 */
@Component
class InboxProcessor {
  private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);
  private static final int ATTEMPTS = 3;

  private final InboxStore inbox;
  private final Patients patients;
  private final Sessions sessions;
  private final Engine engine;
  private final EffectApplier applier;
  private final InboundRecorder recorder;
  private final List<InboundInterceptor> interceptors;
  private final SteadyMetrics metrics;
  private final Clock clock;

  InboxProcessor(InboxStore inbox, Patients patients, Sessions sessions, Engine engine,
      EffectApplier applier, InboundRecorder recorder, List<InboundInterceptor> interceptors,
      SteadyMetrics metrics, Clock clock) {
    this.inbox = inbox;
    this.patients = patients;
    this.sessions = sessions;
    this.engine = engine;
    this.applier = applier;
    this.recorder = recorder;
    this.interceptors = interceptors.stream()
        .sorted(Comparator.comparingInt(InboundInterceptor::order)).toList();
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Processes the entry unless it is gone or already processed (a repeated schedule). */
  void process(String inboxId) {
    InboxStore.Entry entry = inbox.get(inboxId);
    if (entry != null && InboxStore.NEW.equals(entry.status())) {
      process(entry);
    }
  }

  void process(InboxStore.Entry entry) {
    MDC.put("inbox", entry.id());
    try {
      boolean done = false;
      for (int i = 0; i < ATTEMPTS && !done; i++) {
        done = tryProcess(entry);
      }
      if (!done) {
        throw new IllegalStateException("session version conflict " + ATTEMPTS + " times");
      }
    } catch (RuntimeException e) {
      StackTraceElement[] st = e.getStackTrace();
      log.warn("inbox entry {} failed: {} at {}", entry.id(), e.getClass().getName(),
          st.length > 0 ? st[0] : "?");
      inbox.markFailed(entry.id(), e.getClass().getName());
      recorder.apologise(entry);
    } finally {
      MDC.remove("inbox");
    }
  }

  private boolean tryProcess(InboxStore.Entry entry) {
    Inbound in = entry.inbound();
    Optional<Patient> known = patients.find(in.channel(), in.chatId());
    InboundInterceptor.Replies replies = recorder.replies(entry, known.orElse(null));
    for (InboundInterceptor interceptor : interceptors) {
      if (interceptor.intercept(in, known.map(InboxProcessor::ref), replies)) {
        inbox.markProcessed(entry.id());
        return true;
      }
    }
    Patient p = known.orElseGet(() -> patients.findOrCreate(in.channel(), in.chatId(),
        in.displayName(), in.languageCode()));
    boolean unsolicited = in.kind() == Inbound.Kind.START || in.kind() == Inbound.Kind.TIMER;
    if (unsolicited && patients.isStopped(p.id())) {
      // opted out with /stop: no check-ins, reminders or timers until they send /start
      log.info("inbox entry {}: patient stopped, {} skipped", entry.id(), in.kind());
      inbox.markProcessed(entry.id());
      return true;
    }
    if (in.kind() == Inbound.Kind.COMMAND && "start".equals(in.command())
        && patients.isStopped(p.id())) {
      patients.setStopped(p.id(), false);
    }
    if (p.unreachable() && in.kind() != Inbound.Kind.START && in.kind() != Inbound.Kind.TIMER) {
      patients.setUnreachable(p.channel(), p.chatId(), false);
    }
    Optional<Input> input = InputMapper.toInput(in);
    if (input.isEmpty()) {
      recorder.unsupported(entry, p);
      inbox.markProcessed(entry.id());
      return true;
    }
    Sessions.Session s = sessions.load(p.id());
    List<Effect> effects;
    Effect.Origin origin;
    if (entry.id().equals(s.lastInboxId())) {
      effects = s.lastEffects();
      origin = s.lastInputOrigin();
    } else {
      origin = originOf(s.state());
      Engine.Step step = engine.advance(s.state(), input.get(), context(p, entry.id()));
      if (!sessions.save(s, step.state(), entry.id(), step.effects(), origin)) {
        return false;
      }
      effects = step.effects();
      count(s.state(), step);
    }
    applier.apply(p, entry.id(), effects, recorder.inbound(entry, p, origin));
    inbox.markProcessed(entry.id());
    return true;
  }

  private Context context(Patient p, String inboxId) {
    java.util.Map<String, Object> profile = new java.util.LinkedHashMap<>(p.profile());
    if (p.name() != null) {
      profile.putIfAbsent("name", p.name());
    }
    profile.putIfAbsent("locale", p.locale());
    profile.putIfAbsent("timezone", p.zoneId().getId());
    return new Context(clock.instant(), p.zoneId(), p.locale(), profile, seed(inboxId));
  }

  private void count(ConversationState before, Engine.Step step) {
    boolean wasIn = inCheckin(before);
    if (!wasIn && inCheckin(step.state())) {
      metrics.checkinStarted();
    }
    for (Effect e : step.effects()) {
      if (e instanceof Effect.RaiseEscalation) {
        metrics.escalation(((Effect.RaiseEscalation) e).severity());
      } else if (e instanceof Effect.ConversationEnded) {
        Effect.ConversationEnded end = (Effect.ConversationEnded) e;
        if (CHECKIN.equals(end.scriptId()) && !"gave_up".equals(end.outcome())) {
          metrics.checkinCompleted();
        }
      }
    }
  }

  static final String CHECKIN = "daily-checkin";

  private static boolean inCheckin(ConversationState s) {
    return s.frames().stream().anyMatch(f -> CHECKIN.equals(f.scriptId()));
  }

  static Effect.Origin originOf(ConversationState s) {
    if (s.frames().isEmpty()) {
      return null;
    }
    ConversationState.Frame f = s.frames().get(s.frames().size() - 1);
    return new Effect.Origin(f.scriptId(), f.scriptVersion(), f.stepId());
  }

  static PatientRef ref(Patient p) {
    return new PatientRef(p.id(), p.channel(), p.chatId(), p.locale());
  }

  /** FNV-1a over the inbox id: the same event always gets the same seed. */
  static long seed(String id) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
