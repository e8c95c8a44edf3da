package org.steady.script;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.steady.engine.LocalText;
import org.steady.engine.Script;

/**
 * Reads a {@code wait:} (a question's own or the script's default): how long to wait, what
 * reminder to send how often, and which step to go to when nobody answered.
 */
final class WaitReader {
  private WaitReader() {}

  static Script.Wait read(Node node, String what, Texts texts, Report report) {
    Fields f = Fields.of(node, what, report);
    if (f == null) {
      return null;
    }
    f.allow(Set.of("after", "remind", "reminders", "give_up"));
    boolean complete = f.require("after", "give_up");
    Duration after = duration(f, "after");
    LocalText remind = f.has("remind") ? texts.read(f, "remind") : null;
    Long reminders = f.has("reminders") ? f.integer("reminders") : Long.valueOf(remind == null ? 0 : 1);
    String giveUp = f.string("give_up");
    if (reminders != null && (reminders < 0 || reminders > 5)) {
      report.error(f.value("reminders"), "\"reminders\" must be between 0 and 5, not " + reminders);
      reminders = null;
    } else if (reminders != null && reminders > 0 && !f.has("remind")) {
      report.error(f.node(), what + " sends " + reminders + " reminder" + (reminders == 1 ? "" : "s")
          + " but has no \"remind\" text");
    }
    if (!complete || after == null || reminders == null || giveUp == null) {
      return null;
    }
    return new Script.Wait(after, remind, reminders.intValue(), giveUp);
  }

  /** A positive ISO-8601 duration such as {@code PT2H}; null after a reported error. */
  static Duration duration(Fields f, String key) {
    String text = f.string(key);
    if (text == null) {
      return null;
    }
    try {
      Duration d = Duration.parse(text);
      if (!d.isNegative() && !d.isZero()) {
        return d;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    f.report().error(f.value(key), "\"" + key + "\" must be a positive ISO-8601 duration such as"
        + " PT30M or PT2H, not \"" + text + "\"");
    return null;
  }
}
