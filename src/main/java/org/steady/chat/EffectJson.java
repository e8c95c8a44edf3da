package org.steady.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.steady.engine.ConversationState;
import org.steady.engine.Effect;
import org.steady.engine.Input;

/**
 * Effects, inputs and states as JSON-ready trees with a fixed field order and a {@code "type"}
 * field (the wire name), e.g. {@code {"type":"escalation","severity":"urgent",...}}. Used by the
 * {@code chat} CLI and the golden transcripts. With {@code hideVersions} script versions (content
 * hashes) print as {@code "*"} so that transcripts survive unrelated edits.
 */
public final class EffectJson {
  private final boolean hideVersions;

  public EffectJson(boolean hideVersions) {
    this.hideVersions = hideVersions;
  }

  public Map<String, Object> effect(Effect e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", e.type());
    if (e instanceof Effect.SendMessage s) {
      m.put("text", s.text());
      if (!s.buttons().isEmpty()) m.put("buttons", buttons(s.buttons()));
      if (s.questionToken() != null) m.put("question", s.questionToken());
      if (s.urgent()) m.put("urgent", true);
      origin(s.origin(), m);
    } else if (e instanceof Effect.UpdateButtons u) {
      m.put("question", u.questionToken());
      m.put("buttons", buttons(u.buttons()));
    } else if (e instanceof Effect.CloseQuestion c) {
      m.put("question", c.questionToken());
      m.put("chosen", c.chosen());
    } else if (e instanceof Effect.RecordAnswer a) {
      m.put("variable", a.variable());
      m.put("value", a.value());
      m.put("display", a.display());
      origin(a.origin(), m);
    } else if (e instanceof Effect.UpdateProfile p) {
      m.put("field", p.field());
      m.put("value", p.value());
    } else if (e instanceof Effect.RaiseEscalation x) {
      m.put("severity", x.severity().wireName());
      m.put("reason", x.reason());
      m.put("rule", x.rule());
      m.put("evidence", x.evidence());
      origin(x.origin(), m);
    } else if (e instanceof Effect.ScheduleTimer t) {
      m.put("timer", t.timerId());
      m.put("at", t.at().toString());
      m.put("purpose", t.purpose());
    } else if (e instanceof Effect.CancelTimer t) {
      m.put("timer", t.timerId());
    } else if (e instanceof Effect.ConversationEnded x) {
      m.put("script", x.scriptId());
      m.put("outcome", x.outcome());
    } else {
      throw new IllegalStateException("no JSON form for effect " + e.type());
    }
    return m;
  }

  public Map<String, Object> input(Input in) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", in.type());
    if (in instanceof Input.Start s) {
      m.put("script", s.scriptId());
      if (!s.params().isEmpty()) m.put("params", s.params());
    } else if (in instanceof Input.Text t) {
      m.put("text", t.text().value());
    } else if (in instanceof Input.ButtonPress b) {
      m.put("question", b.questionToken());
      m.put("value", b.value());
    } else if (in instanceof Input.Command c) {
      m.put("name", c.name());
      if (!c.argument().isEmpty()) m.put("argument", c.argument());
    } else if (in instanceof Input.TimerFired t) {
      m.put("timer", t.timerId());
    } else {
      throw new IllegalStateException("no JSON form for input " + in.type());
    }
    return m;
  }

  /** The state as the store would keep it (also the basis of the state-size figure). */
  public Map<String, Object> state(ConversationState s) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Object> frames = new ArrayList<>();
    for (ConversationState.Frame f : s.frames()) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("script", f.scriptId());
      fm.put("version", version(f.scriptVersion()));
      fm.put("step", f.stepId());
      if (f.returnTo() != null) fm.put("return", f.returnTo());
      frames.add(fm);
    }
    m.put("frames", frames);
    m.put("vars", s.vars());
    if (s.pending() != null) {
      ConversationState.Pending p = s.pending();
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("question", p.token());
      pm.put("step", p.stepId());
      pm.put("reminders", p.reminders());
      if (p.timerId() != null) pm.put("timer", p.timerId());
      if (!p.selected().isEmpty()) pm.put("selected", p.selected());
      if (p.item() != 0) pm.put("item", p.item());
      m.put("pending", pm);
    }
    m.put("seq", s.seq());
    if (!s.recentPrompts().isEmpty()) m.put("recent", s.recentPrompts());
    return m;
  }

  private void origin(Effect.Origin o, Map<String, Object> m) {
    if (o == null) return;
    m.put("script", o.scriptId());
    if (!hideVersions) m.put("version", o.scriptVersion());
    m.put("step", o.stepId());
  }

  private String version(String v) {
    return hideVersions ? "*" : v;
  }

  private static List<Object> buttons(List<List<Effect.Button>> rows) {
    List<Object> out = new ArrayList<>();
    for (List<Effect.Button> row : rows) {
      List<Object> r = new ArrayList<>();
      for (Effect.Button b : row) {
        Map<String, Object> bm = new LinkedHashMap<>();
        bm.put("label", b.label());
        bm.put("value", b.value());
        r.add(bm);
      }
      out.add(r);
    }
    return out;
  }
}
