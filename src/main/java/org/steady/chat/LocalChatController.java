package org.steady.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.steady.engine.PatientText;
import org.steady.store.Patient;
import org.steady.store.Patients;

/**
 * The local chat JSON API (local mode only: no Telegram bot token configured). The chat page and
 * scripts drive local patients through it; everything goes through the same inbox, engine,
 * outbox and transcript path as Telegram. Shapes are documented in the README.
 */
@RestController
@RequestMapping("/api/local/patients")
@ConditionalOnExpression("'${steady.telegram.bot-token:}'.isEmpty()")
class LocalChatController {
  private static final Pattern LOCALE = Pattern.compile("[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})?");
  private static final int MAX_TEXT = 4000;
  static final int MAX_WAIT_SECONDS = 30;

  private final Patients patients;
  private final InboundHandler inbound;
  private final LocalMessages messages;
  private final LocalWaits waits;
  private final Clock clock;
  /**
   * Local patients as first read, so that each request does not look them up again (local
   * patients are never deleted). Their name and locale go on inbound events only as hints; the
   * processing reads the patient itself, so a copy older than a /settings change is harmless.
   */
  private final Map<String, Patient> known = new ConcurrentHashMap<>();
  private final String onboarding;

  LocalChatController(Patients patients, InboundHandler inbound, LocalMessages messages,
      LocalWaits waits, Clock clock, @org.springframework.beans.factory.annotation.Value(
          "${steady.onboarding-script:onboarding}") String onboarding) {
    this.patients = patients;
    this.inbound = inbound;
    this.messages = messages;
    this.waits = waits;
    this.clock = clock;
    this.onboarding = onboarding;
  }

  record PatientView(String id, String name, String locale) {}

  record NewPatient(String name, String locale, Boolean start) {}

  record TextBody(String text) {}

  record ButtonBody(String data) {}

  /**
   * What a POST answers: the inbound event's id and the chat's revision after it (a message's
   * own revision), so a client can wait for what comes next with {@code after=rev}.
   */
  record Accepted(String accepted, long rev) {}

  record ButtonView(String label, String data) {}

  record MessageView(String id, long rev, String direction, String text,
      List<List<ButtonView>> buttons, boolean closed, String chosen, String at) {}

  record Messages(List<MessageView> messages, long rev) {}

  @GetMapping
  List<PatientView> list() {
    return patients.inChannel(LocalChannelSender.CHANNEL).stream().map(LocalChatController::view)
        .toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  PatientView create(@RequestBody(required = false) NewPatient body) {
    NewPatient b = body == null ? new NewPatient(null, null, null) : body;
    String name = b.name() == null || b.name().isBlank() ? null : b.name().trim();
    if (name != null && name.length() > 100) {
      throw LocalChatException.bad("The name is longer than 100 characters.");
    }
    if (b.locale() != null && !LOCALE.matcher(b.locale()).matches()) {
      throw LocalChatException.bad("The locale must be a language code such as \"en\" or \"es\".");
    }
    String chatId = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
    Patient p = patients.findOrCreate(LocalChannelSender.CHANNEL, chatId, name, b.locale());
    known.put(chatId, p);
    if (!Boolean.FALSE.equals(b.start())) {
      String externalId = "start:" + onboarding + ":" + chatId;
      inbound.accept(new Inbound(LocalChannelSender.CHANNEL, chatId, externalId,
          Inbound.Kind.START, null, onboarding, "", null, name, p.locale(), clock.instant()));
    }
    return view(p);
  }

  @PostMapping("/{id}/messages")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Accepted text(@PathVariable String id, @RequestBody(required = false) TextBody body) {
    Patient p = patient(id);
    String text = body == null || body.text() == null ? "" : body.text().strip();
    if (text.isEmpty()) {
      throw LocalChatException.bad("Send a non-empty \"text\".");
    }
    if (text.length() > MAX_TEXT) {
      throw LocalChatException.bad("The text is longer than " + MAX_TEXT + " characters.");
    }
    Inbound in = text.startsWith("/") && text.length() > 1 ? command(p, text)
        : new Inbound(p.channel(), p.chatId(), UUID.randomUUID().toString(), Inbound.Kind.TEXT,
            new PatientText(text), null, "", null, p.name(), p.locale(), clock.instant());
    long rev = messages.inbound("in:" + in.id(), p.chatId(), text);
    inbound.accept(in);
    return new Accepted(in.id(), rev);
  }

  @PostMapping("/{id}/buttons")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Accepted button(@PathVariable String id, @RequestBody(required = false) ButtonBody body) {
    Patient p = patient(id);
    String data = body == null || body.data() == null ? "" : body.data();
    if (data.isEmpty() || data.length() > 256) {
      throw LocalChatException.bad("Send the button's \"data\" exactly as given in the message.");
    }
    Inbound in = new Inbound(p.channel(), p.chatId(), UUID.randomUUID().toString(),
        Inbound.Kind.BUTTON, null, null, "", data, p.name(), p.locale(), clock.instant());
    long rev = messages.latest(p.chatId());
    inbound.accept(in);
    return new Accepted(in.id(), rev);
  }

  /**
   * Messages changed after revision {@code after}. With {@code wait} (seconds, at most
   * {@link #MAX_WAIT_SECONDS}) the answer is held until there is something new or the wait is
   * over (long polling), so a reader learns of a reply the moment it is written.
   */
  @GetMapping("/{id}/messages")
  DeferredResult<Messages> read(@PathVariable String id,
      @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "0") int wait) {
    patient(id);
    if (after < 0) {
      throw LocalChatException.bad("\"after\" must be 0 or a revision from an earlier answer.");
    }
    if (wait < 0 || wait > MAX_WAIT_SECONDS) {
      throw LocalChatException.bad("\"wait\" must be 0 to " + MAX_WAIT_SECONDS + " seconds.");
    }
    DeferredResult<Messages> result =
        new DeferredResult<>(TimeUnit.SECONDS.toMillis(wait + MAX_WAIT_SECONDS));
    if (wait == 0) {
      result.setResult(page(id, after));
    } else {
      waits.await(id, Duration.ofSeconds(wait), result, () -> page(id, after),
          m -> !m.messages().isEmpty());
    }
    return result;
  }

  private Messages page(String chatId, long after) {
    LocalMessages.Page page = messages.after(chatId, after);
    List<MessageView> out = new ArrayList<>();
    for (Document d : page.messages()) {
      out.add(view(d));
    }
    return new Messages(out, page.rev());
  }

  private Inbound command(Patient p, String text) {
    String body = text.substring(1).strip();
    int space = body.indexOf(' ');
    String name = (space < 0 ? body : body.substring(0, space)).toLowerCase(Locale.ROOT);
    String arg = space < 0 ? "" : body.substring(space + 1).strip();
    return new Inbound(p.channel(), p.chatId(), UUID.randomUUID().toString(),
        Inbound.Kind.COMMAND, null, name, arg, null, p.name(), p.locale(), clock.instant());
  }

  private Patient patient(String id) {
    Patient p = known.get(id);
    if (p == null) {
      p = patients.find(LocalChannelSender.CHANNEL, id)
          .orElseThrow(() -> LocalChatException.notFound("There is no local patient with id " + id
              + "."));
      known.put(id, p);
    }
    return p;
  }

  private static PatientView view(Patient p) {
    return new PatientView(p.chatId(), p.name(), p.locale());
  }

  @SuppressWarnings("unchecked")
  private static MessageView view(Document d) {
    List<List<ButtonView>> rows = new ArrayList<>();
    for (Object row : d.getList("buttons", Object.class, List.of())) {
      List<ButtonView> r = new ArrayList<>();
      for (Document b : (List<Document>) row) {
        r.add(new ButtonView(b.getString("label"), b.getString("data")));
      }
      rows.add(r);
    }
    return new MessageView(d.getString("_id"), d.get("rev", Number.class).longValue(),
        d.getString("direction"), d.getString("text"), rows, d.getBoolean("closed", false),
        d.getString("chosen"), d.getDate("at").toInstant().toString());
  }
}
