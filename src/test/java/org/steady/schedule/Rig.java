package org.steady.schedule;

import org.steady.testing.MutableClock;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.steady.chat.EffectHandler;
import org.steady.chat.Inbound;
import org.steady.chat.InboundHandler;
import org.steady.chat.InboundInterceptor;
import org.steady.chat.Outbox;
import org.steady.chat.PatientRef;
import org.steady.engine.Effect;

/**
 * One "instance" of the schedule slice wired by hand over a MongoDB (the embedded wire server
 * through the real driver), with an inbox that has the real unique key on {@link Inbound#id()},
 * and recording doubles for the outbox, the patients store and the escalation module.
 */
final class Rig implements AutoCloseable {
  final MongoClient client;
  final MongoDatabase db;
  final MutableClock clock;
  final ScheduleProperties props;
  final Inbox inbox;
  final Sent outbox = new Sent();
  final Profiles profiles;
  final RaisedEscalations raised = new RaisedEscalations();
  final Schedules schedules;
  final Timers timers;
  final TaperPlans plans;
  final CheckinSettings settings;
  final ScheduleTicker ticker;
  final TimerEffects timerEffects;
  final MissedDays missedDays;
  final ProfileEffects profileEffects;
  final SymptomWatch symptomWatch;
  final ScheduleCommands commands;
  final PaceTalk paceTalk;

  static MongoServer server() {
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    return server;
  }

  Rig(MongoServer server, MutableClock clock, ScheduleProperties props, Profiles profiles) {
    this.client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    this.db = client.getDatabase("steady");
    this.clock = clock;
    this.props = props;
    this.profiles = profiles;
    this.inbox = new Inbox(db.getCollection("inbox"));
    schedules = new Schedules(db, clock, props);
    timers = new Timers(db);
    plans = new TaperPlans(db, clock);
    settings = new CheckinSettings(schedules, clock, profiles);
    CheckinFiring firing = new CheckinFiring(schedules, plans, profiles, outbox, inbox, props,
        new org.steady.store.Patients(db, clock));
    ticker = new ScheduleTicker(schedules, firing, timers, inbox, props, clock);
    timerEffects = new TimerEffects(timers, schedules, props, profiles);
    ScheduleEscalations escalations = new ScheduleEscalations(() -> List.<EffectHandler>of(raised).stream());
    missedDays = new MissedDays(new CheckinDays(db), schedules, escalations, props, clock,
        profiles);
    profileEffects = new ProfileEffects(settings);
    symptomWatch = new SymptomWatch(new SymptomScores(db), schedules, escalations, outbox,
        props, clock, profiles);
    commands = new ScheduleCommands(settings, new SettingsReplies(settings, profiles));
    paceTalk = new PaceTalk(escalations);
  }

  /** Hands an effect to every schedule handler that takes it, like the shell does. */
  void effect(PatientRef p, Effect e, String effectId) {
    for (EffectHandler h : List.of(timerEffects, missedDays, profileEffects, symptomWatch)) {
      if (h.handles(e)) {
        h.handle(p, e, effectId);
      }
    }
  }

  @Override
  public void close() {
    client.close();
  }

  /** The inbox's unique key, for real: a second insert of one id is a duplicate no-op. */
  static final class Inbox implements InboundHandler {
    private final MongoCollection<Document> col;
    final AtomicInteger calls = new AtomicInteger();
    final List<Inbound> stored = Collections.synchronizedList(new ArrayList<>());

    Inbox(MongoCollection<Document> col) {
      this.col = col;
    }

    @Override
    public void accept(Inbound in) {
      calls.incrementAndGet();
      try {
        col.insertOne(new Document("_id", in.id()).append("kind", in.kind().name()));
        stored.add(in);
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
      }
    }

    long count() {
      return col.countDocuments();
    }
  }

  /** Outbox double: keeps the first entry per id, like the real one. */
  static final class Sent implements Outbox {
    final Map<String, List<Object>> byId = new ConcurrentHashMap<>();

    @Override
    public void enqueue(String id, String patientId, String channel, String chatId, String kind,
        String text, List<List<Effect.Button>> buttons, String questionToken, boolean urgent) {
      byId.putIfAbsent(id, List.of(patientId, text, buttons));
    }

    String text(String id) {
      return (String) byId.get(id).get(1);
    }
  }

  /** Patients store double. */
  static final class Profiles implements PatientProfiles {
    final Map<String, Map<String, Object>> values = new ConcurrentHashMap<>();
    final Map<String, PatientRef> refs = new ConcurrentHashMap<>();

    PatientRef add(String chatId, String zone) {
      return add(chatId, zone, "en");
    }

    /** A patient who speaks {@code locale} ("en", "es"). */
    PatientRef add(String chatId, String zone, String locale) {
      PatientRef p = new PatientRef("telegram:" + chatId, "telegram", chatId, locale);
      refs.put(p.patientId(), p);
      set(p.patientId(), "timezone", zone);
      return p;
    }

    /** Like the patients store, a new {@code locale} changes how the patient is addressed. */
    @Override
    public void set(String patientId, String field, Object value) {
      Map<String, Object> m = values.computeIfAbsent(patientId, k -> new ConcurrentHashMap<>());
      if (value == null) {
        m.remove(field);
      } else {
        m.put(field, value);
      }
      if (field.equals("locale") && value != null) {
        refs.computeIfPresent(patientId, (id, r) ->
            new PatientRef(id, r.channel(), r.chatId(), (String) value));
      }
    }

    Object get(String patientId, String field) {
      return values.getOrDefault(patientId, Map.of()).get(field);
    }

    @Override
    public ZoneId zone(String patientId) {
      Object z = get(patientId, "timezone");
      return z == null ? ZoneId.of("UTC") : ZoneId.of((String) z);
    }

    @Override
    public Optional<PatientRef> ref(String patientId) {
      return Optional.ofNullable(refs.get(patientId));
    }
  }

  /** The escalation module's handler, recording (idempotent on the effect id, like it). */
  static final class RaisedEscalations implements EffectHandler {
    final Map<String, Effect.RaiseEscalation> byId = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public boolean handles(Effect effect) {
      return effect instanceof Effect.RaiseEscalation;
    }

    @Override
    public void handle(PatientRef patient, Effect effect, String effectId) {
      calls.incrementAndGet();
      byId.putIfAbsent(effectId, (Effect.RaiseEscalation) effect);
    }
  }

  /** Replies double for interceptors. */
  static final class Replies implements InboundInterceptor.Replies {
    final List<String> texts = new ArrayList<>();
    final List<List<List<Effect.Button>>> buttons = new ArrayList<>();

    @Override
    public void text(String text) {
      texts.add(text);
    }

    @Override
    public void buttons(String text, List<List<Effect.Button>> rows) {
      texts.add(text);
      buttons.add(rows);
    }

    String last() {
      return texts.get(texts.size() - 1);
    }

    /** The button labels of the last message that had buttons, rows flattened. */
    List<String> lastLabels() {
      return buttons.get(buttons.size() - 1).stream().flatMap(List::stream)
          .map(Effect.Button::label).toList();
    }
  }
}
