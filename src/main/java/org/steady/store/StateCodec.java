package org.steady.store;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.steady.engine.ConversationState;

/** {@link ConversationState} to a BSON document and back. */
public final class StateCodec {
  private StateCodec() {}

  public static Document encode(ConversationState s) {
    List<Document> frames = new ArrayList<>();
    for (ConversationState.Frame f : s.frames()) {
      frames.add(new Document("scriptId", f.scriptId()).append("scriptVersion", f.scriptVersion())
          .append("stepId", f.stepId()).append("returnTo", f.returnTo()));
    }
    Document d = new Document("frames", frames).append("vars", ValueCodec.encode(s.vars()))
        .append("seq", s.seq()).append("recentPrompts", s.recentPrompts());
    ConversationState.Pending p = s.pending();
    if (p != null) {
      d.append("pending", new Document("token", p.token()).append("stepId", p.stepId())
          .append("reminders", p.reminders()).append("timerId", p.timerId())
          .append("selected", p.selected()).append("item", p.item()));
    }
    return d;
  }

  public static ConversationState decode(Document d) {
    if (d == null) {
      return ConversationState.idle();
    }
    List<ConversationState.Frame> frames = new ArrayList<>();
    for (Document f : d.getList("frames", Document.class, List.of())) {
      frames.add(new ConversationState.Frame(f.getString("scriptId"), f.getString("scriptVersion"),
          f.getString("stepId"), f.getString("returnTo")));
    }
    Document p = d.get("pending", Document.class);
    ConversationState.Pending pending = p == null ? null
        : new ConversationState.Pending(p.getString("token"), p.getString("stepId"),
            p.getInteger("reminders", 0), p.getString("timerId"),
            p.getList("selected", String.class, List.of()), p.getInteger("item", 0));
    Number seq = d.get("seq", Number.class);
    return new ConversationState(frames, ValueCodec.decodeMap(d.get("vars")), pending,
        seq == null ? 0 : seq.longValue(), d.getList("recentPrompts", String.class, List.of()));
  }
}
