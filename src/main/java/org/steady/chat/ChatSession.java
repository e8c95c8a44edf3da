package org.steady.chat;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.steady.engine.Context;
import org.steady.engine.ConversationState;
import org.steady.engine.Effect;
import org.steady.engine.Engine;
import org.steady.engine.Input;

/**
 * One terminal conversation: turns typed lines into inputs (a button label becomes a press of
 * that button; {@code /name arg} a command; {@code :timeout} fires the pending timer; anything
 * else is free text the engine interprets), runs the engine, prints effects as JSON lines and
 * applies profile updates to the patient for the next input.
 */
final class ChatSession {
  private final Engine engine;
  private final Clock clock;
  private final PrintStream out;
  private final EffectJson json = new EffectJson(false);
  private final Map<String, Object> patient = new HashMap<>();
  private final Map<String, List<List<Effect.Button>>> keyboards = new HashMap<>();
  private ConversationState state = ConversationState.idle();
  private String locale;
  private ZoneId zone;
  private long inputs;

  ChatSession(Engine engine, Clock clock, PrintStream out, String locale, ZoneId zone, String name) {
    this.engine = engine;
    this.clock = clock;
    this.out = out;
    this.locale = locale;
    this.zone = zone;
    if (name != null) patient.put("name", name);
    patient.put("locale", locale);
    patient.put("timezone", zone.getId());
  }

  ConversationState state() {
    return state;
  }

  void send(Input input) {
    Context ctx = new Context(clock.instant(), zone, locale, patient, clock.millis() * 31 + inputs++);
    Engine.Step step = engine.advance(state, input, ctx);
    state = step.state();
    for (Effect e : step.effects()) {
      out.println(JsonLine.write(json.effect(e)));
      remember(e);
    }
    out.flush();
  }

  /** Returns a problem to show on stderr, or null when the line was sent. */
  String line(String raw) {
    String line = raw.strip();
    if (line.isEmpty()) return null;
    if (line.equals(":timeout")) {
      if (state.pending() == null || state.pending().timerId() == null) return "no timer is pending";
      send(new Input.TimerFired(state.pending().timerId()));
      return null;
    }
    if (line.startsWith("/") && line.length() > 1) {
      int space = line.indexOf(' ');
      String name = space < 0 ? line.substring(1) : line.substring(1, space);
      send(new Input.Command(name, space < 0 ? "" : line.substring(space + 1).strip()));
      return null;
    }
    Effect.Button b = button(line);
    if (b != null) {
      send(new Input.ButtonPress(state.pending().token(), b.value()));
    } else {
      send(Input.Text.of(line));
    }
    return null;
  }

  private Effect.Button button(String line) {
    if (state.pending() == null) return null;
    List<List<Effect.Button>> rows = keyboards.get(state.pending().token());
    if (rows == null) return null;
    String want = fold(line);
    for (List<Effect.Button> row : rows) {
      for (Effect.Button b : row) {
        if (fold(b.label()).equals(want)) return b;
      }
    }
    return null;
  }

  private static String fold(String s) {
    String t = s.strip();
    if (t.startsWith("\u2713")) t = t.substring(1).strip();
    return t.toLowerCase(Locale.ROOT);
  }

  private void remember(Effect e) {
    if (e instanceof Effect.SendMessage m && m.questionToken() != null) {
      keyboards.put(m.questionToken(), m.buttons());
    } else if (e instanceof Effect.UpdateButtons u) {
      keyboards.put(u.questionToken(), u.buttons());
    } else if (e instanceof Effect.CloseQuestion c) {
      keyboards.remove(c.questionToken());
    } else if (e instanceof Effect.UpdateProfile p) {
      patient.put(p.field(), p.value());
      if (p.field().equals("locale")) locale = String.valueOf(p.value());
      if (p.field().equals("timezone")) {
        try {
          zone = ZoneId.of(String.valueOf(p.value()));
        } catch (RuntimeException ex) {
          // keep the old zone; the engine only saves valid zone ids
        }
      }
    }
  }
}
