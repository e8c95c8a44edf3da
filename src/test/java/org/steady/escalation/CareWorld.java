package org.steady.escalation;

import org.steady.testing.MutableClock;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.steady.care.CareContacts;
import org.steady.care.CareInterceptor;
import org.steady.care.InviteCodes;
import org.steady.care.LinkAttempts;
import org.steady.care.MongoPatientDirectory;
import org.steady.care.PatientDirectory;
import org.steady.chat.Inbound;
import org.steady.chat.InboundInterceptor;
import org.steady.chat.PatientRef;
import org.steady.engine.Effect;
import org.steady.engine.Severity;

/**
 * Care and escalation wired by hand over an in-JVM MongoDB-wire server and the real driver, with
 * a controllable clock and a recording outbox. Plays the shell: runs the interceptors in order
 * and hands RaiseEscalation effects over, as the app does.
 */
public final class CareWorld implements AutoCloseable {
  public final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  public final RecordingOutbox outbox = new RecordingOutbox();
  private final MongoServer server;
  private final MongoClient client;
  public final MongoDatabase db;
  public final CareContacts contacts;
  public final InviteCodes codes;
  public final Escalations escalations;
  public final AlertDispatcher dispatcher;
  public final EscalationService service;
  private final List<InboundInterceptor> interceptors;
  private final AtomicInteger seq = new AtomicInteger();

  public CareWorld(EscalationProperties props) {
    this(new MemoryBackend(), props);
  }

  public CareWorld(MongoBackend backend, EscalationProperties props) {
    server = new MongoServer(backend);
    String uri = server.bindAndGetConnectionString();
    client = MongoClients.create(uri);
    db = client.getDatabase("steady");
    PatientDirectory directory = new MongoPatientDirectory(new org.steady.store.Patients(db, clock));
    contacts = new CareContacts(db, clock);
    codes = new InviteCodes(db, clock);
    escalations = new Escalations(db);
    dispatcher = new AlertDispatcher(escalations, contacts, directory, outbox, props, clock);
    service = new EscalationService(escalations, contacts, directory,
        new CrisisResources(props), dispatcher, outbox, props, clock);
    interceptors = new ArrayList<>(List.of(
        CareInterceptor.of(codes, new LinkAttempts(db, clock), contacts, directory, outbox,
            "steady_test_bot"),
        new AckInterceptor(escalations, contacts, directory, outbox, clock)));
    interceptors.sort(Comparator.comparingInt(InboundInterceptor::order));
  }

  public void patient(String chatId, String name, String locale, String zone) {
    db.getCollection("patients").insertOne(new Document("_id", "local:" + chatId)
        .append("channel", "local").append("chatId", chatId).append("name", name)
        .append("locale", locale).append("zone", zone).append("profile", new Document()));
  }

  public Optional<PatientRef> ref(String chatId) {
    return ref("local", chatId);
  }

  public Optional<PatientRef> ref(String channel, String chatId) {
    Document d = db.getCollection("patients").find(new Document("_id", channel + ":" + chatId))
        .first();
    return d == null ? Optional.empty()
        : Optional.of(new PatientRef(d.getString("_id"), channel, chatId, d.getString("locale")));
  }

  /** Sends a command; returns true if care or escalation handled it (else the engine would). */
  public boolean command(String chatId, String command, String argument) {
    return deliver(new Inbound("local", chatId, "e" + seq.incrementAndGet(),
        Inbound.Kind.COMMAND, null, command, argument, null, "Name" + chatId, "en",
        clock.instant()));
  }

  public boolean press(String chatId, String value) {
    return deliver(new Inbound("local", chatId, "e" + seq.incrementAndGet(), Inbound.Kind.BUTTON,
        null, null, "", value, "Name" + chatId, "en", clock.instant()));
  }

  public boolean deliver(Inbound in) {
    Optional<PatientRef> p = ref(in.channel(), in.chatId());
    AtomicInteger n = new AtomicInteger();
    InboundInterceptor.Replies replies = new InboundInterceptor.Replies() {
      @Override
      public void text(String text) {
        buttons(text, List.of());
      }

      @Override
      public void buttons(String text, List<List<Effect.Button>> rows) {
        outbox.enqueue(in.id() + ":r" + n.getAndIncrement(), p.map(PatientRef::patientId)
            .orElse(null), in.channel(), in.chatId(), "send", text, rows, null, false);
      }
    };
    for (InboundInterceptor i : interceptors) {
      if (i.intercept(in, p, replies)) {
        return true;
      }
    }
    return false;
  }

  /** What the shell does with an engine's RaiseEscalation effect. */
  public void raise(String chatId, Severity severity, String rule, String effectId) {
    PatientRef ref = ref(chatId).orElseThrow();
    service.handle(ref, new Effect.RaiseEscalation(severity, "Answered the safety question: yes",
        rule, Map.of("safety", "yes, thoughts of self-harm"), null), effectId);
  }

  /** Links {@code contactChat} to {@code patientChat} through the whole consent flow. */
  public void link(String patientChat, String contactChat, String role, boolean shareAnswers) {
    command(patientChat, "invite", "");
    String code = codeIn(outbox.last(patientChat).text());
    command(contactChat, "link", code);
    press(contactChat, valueStartingWith(contactChat, "role:").replaceAll(":[a-z]+$", ":" + role));
    press(patientChat, valueStartingWith(patientChat, "approve:"));
    if (shareAnswers) {
      press(patientChat, valueStartingWith(patientChat, "share:").replaceAll(":[yn]$", ":y"));
    }
  }

  public String valueStartingWith(String chatId, String prefix) {
    return outbox.last(chatId).values().stream().filter(v -> v.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no button " + prefix + " in last message to "
            + chatId));
  }

  public static String codeIn(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("/link ([A-Z0-9]{10})")
        .matcher(text);
    if (!m.find()) {
      throw new AssertionError("no code in invite text");
    }
    return m.group(1);
  }

  @Override
  public void close() {
    client.close();
    server.shutdownNow();
  }
}
