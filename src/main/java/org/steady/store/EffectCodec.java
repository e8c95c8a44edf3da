package org.steady.store;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.steady.engine.Effect;
import org.steady.engine.Severity;

/**
 * Every {@link Effect} to a BSON document and back, keyed by {@link Effect#type()}. The shell
 * stores the effects of the last applied input with the session, so that replaying that input
 * after a crash applies the same effects instead of running the engine twice.
 */
public final class EffectCodec {
  private EffectCodec() {}

  public static List<Document> encodeAll(List<Effect> effects) {
    List<Document> out = new ArrayList<>();
    for (Effect e : effects) {
      out.add(encode(e));
    }
    return out;
  }

  public static List<Effect> decodeAll(List<Document> docs) {
    List<Effect> out = new ArrayList<>();
    for (Document d : docs) {
      out.add(decode(d));
    }
    return out;
  }

  public static Document encode(Effect e) {
    Document d = new Document("type", e.type());
    if (e instanceof Effect.SendMessage) {
      Effect.SendMessage m = (Effect.SendMessage) e;
      return d.append("text", m.text()).append("buttons", buttons(m.buttons()))
          .append("questionToken", m.questionToken()).append("urgent", m.urgent())
          .append("origin", origin(m.origin()));
    } else if (e instanceof Effect.UpdateButtons) {
      Effect.UpdateButtons u = (Effect.UpdateButtons) e;
      return d.append("questionToken", u.questionToken()).append("buttons", buttons(u.buttons()));
    } else if (e instanceof Effect.CloseQuestion) {
      Effect.CloseQuestion c = (Effect.CloseQuestion) e;
      return d.append("questionToken", c.questionToken()).append("chosen", c.chosen());
    } else if (e instanceof Effect.RecordAnswer) {
      Effect.RecordAnswer a = (Effect.RecordAnswer) e;
      return d.append("variable", a.variable()).append("value", ValueCodec.encode(a.value()))
          .append("display", a.display()).append("origin", origin(a.origin()));
    } else if (e instanceof Effect.UpdateProfile) {
      Effect.UpdateProfile p = (Effect.UpdateProfile) e;
      return d.append("field", p.field()).append("value", ValueCodec.encode(p.value()));
    } else if (e instanceof Effect.RaiseEscalation) {
      Effect.RaiseEscalation r = (Effect.RaiseEscalation) e;
      return d.append("severity", r.severity().wireName()).append("reason", r.reason())
          .append("rule", r.rule()).append("evidence", ValueCodec.encode(r.evidence()))
          .append("origin", origin(r.origin()));
    } else if (e instanceof Effect.ScheduleTimer) {
      Effect.ScheduleTimer t = (Effect.ScheduleTimer) e;
      return d.append("timerId", t.timerId()).append("at", Date.from(t.at()))
          .append("purpose", t.purpose());
    } else if (e instanceof Effect.CancelTimer) {
      return d.append("timerId", ((Effect.CancelTimer) e).timerId());
    } else if (e instanceof Effect.ConversationEnded) {
      Effect.ConversationEnded c = (Effect.ConversationEnded) e;
      return d.append("scriptId", c.scriptId()).append("outcome", c.outcome());
    }
    throw new IllegalStateException("unhandled effect type " + e.type());
  }

  public static Effect decode(Document d) {
    String type = d.getString("type");
    switch (type) {
      case "message":
        return new Effect.SendMessage(d.getString("text"), buttons(d.get("buttons")),
            d.getString("questionToken"), d.getBoolean("urgent", false), origin(d));
      case "buttons":
        return new Effect.UpdateButtons(d.getString("questionToken"), buttons(d.get("buttons")));
      case "question_closed":
        return new Effect.CloseQuestion(d.getString("questionToken"), d.getString("chosen"));
      case "answer":
        return new Effect.RecordAnswer(d.getString("variable"), ValueCodec.decode(d.get("value")),
            d.getString("display"), origin(d));
      case "profile":
        return new Effect.UpdateProfile(d.getString("field"), ValueCodec.decode(d.get("value")));
      case "escalation":
        return new Effect.RaiseEscalation(Severity.fromWire(d.getString("severity")),
            d.getString("reason"), d.getString("rule"), ValueCodec.decodeMap(d.get("evidence")),
            origin(d));
      case "timer":
        return new Effect.ScheduleTimer(d.getString("timerId"), d.getDate("at").toInstant(),
            d.getString("purpose"));
      case "timer_cancel":
        return new Effect.CancelTimer(d.getString("timerId"));
      case "end":
        return new Effect.ConversationEnded(d.getString("scriptId"), d.getString("outcome"));
      default:
        throw new IllegalStateException("unknown stored effect type " + type);
    }
  }

  public static List<List<Document>> buttons(List<List<Effect.Button>> rows) {
    List<List<Document>> out = new ArrayList<>();
    for (List<Effect.Button> row : rows) {
      List<Document> r = new ArrayList<>();
      for (Effect.Button b : row) {
        r.add(new Document("label", b.label()).append("value", b.value()));
      }
      out.add(r);
    }
    return out;
  }

  public static List<List<Effect.Button>> buttons(Object stored) {
    List<List<Effect.Button>> out = new ArrayList<>();
    if (stored instanceof List) {
      for (Object row : (List<?>) stored) {
        List<Effect.Button> r = new ArrayList<>();
        for (Object b : (List<?>) row) {
          Document bd = (Document) b;
          r.add(new Effect.Button(bd.getString("label"), bd.getString("value")));
        }
        out.add(r);
      }
    }
    return out;
  }

  static Document origin(Effect.Origin o) {
    return o == null ? null : new Document("scriptId", o.scriptId())
        .append("scriptVersion", o.scriptVersion()).append("stepId", o.stepId());
  }

  static Effect.Origin origin(Document d) {
    Document o = d.get("origin", Document.class);
    return o == null ? null : new Effect.Origin(o.getString("scriptId"),
        o.getString("scriptVersion"), o.getString("stepId"));
  }
}
