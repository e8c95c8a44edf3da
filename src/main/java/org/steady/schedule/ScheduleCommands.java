package org.steady.schedule;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.steady.chat.Inbound;
import org.steady.chat.InboundInterceptor;
import org.steady.chat.PatientRef;
import org.steady.engine.Effect;

/**
 * {@code /pause [N days | until YYYY-MM-DD]}, {@code /resume} and {@code /settings} (with
 * {@code time HH:MM}, {@code zone <city, IANA id or UTC offset>}, {@code days mon tue ...}), and
 * the buttons they offer. Answers are plain and short; a wrong entry says what was expected.
 */
@Component
class ScheduleCommands implements InboundInterceptor {
  static final int MAX_PAUSE_DAYS = 90;

  private final CheckinSettings settings;
  private final SettingsReplies settingsReplies;

  ScheduleCommands(CheckinSettings settings, SettingsReplies settingsReplies) {
    this.settings = settings;
    this.settingsReplies = settingsReplies;
  }

  @Override
  public boolean intercept(Inbound in, Optional<PatientRef> patient, Replies replies) {
    String command;
    String arg;
    if (in.kind() == Inbound.Kind.COMMAND && in.command() != null) {
      command = in.command().toLowerCase(Locale.ROOT);
      arg = in.argument().trim();
    } else if (in.kind() == Inbound.Kind.BUTTON && in.callbackData() != null
        && (in.callbackData().startsWith("pause:") || in.callbackData().startsWith("settings:"))) {
      String[] parts = in.callbackData().split(":", 2);
      command = parts[0];
      arg = parts[0].equals("pause") ? parts[1] + " days" : parts[1];
    } else {
      return false;
    }
    if (!List.of("pause", "resume", "settings").contains(command)) {
      return false;
    }
    if (patient.isEmpty()) {
      replies.text("Check-ins start after you say hello with /start.");
      return true;
    }
    PatientRef p = patient.get();
    if (command.equals("pause")) {
      pause(p, arg, replies);
    } else if (command.equals("resume")) {
      ScheduleDoc doc = settings.resume(p);
      replies.text("Check-ins are back on. " + SettingsReplies.next(doc));
    } else {
      settingsReplies.handle(p, arg, replies);
    }
    return true;
  }

  private void pause(PatientRef p, String arg, Replies replies) {
    Optional<ScheduleDoc> doc = settings.current(p.patientId());
    if (doc.isEmpty() || doc.get().time() == null) {
      replies.text("You have no daily check-in to pause yet. Set a time with /settings time 08:30.");
      return;
    }
    LocalDate today = settings.today(doc.get());
    if (arg.isEmpty()) {
      replies.buttons("How long would you like a break from check-ins?", List.of(List.of(
          new Effect.Button("1 day", "pause:1"), new Effect.Button("3 days", "pause:3"),
          new Effect.Button("1 week", "pause:7"))));
      return;
    }
    Optional<LocalDate> resumeOn = resumeOn(arg, today);
    if (resumeOn.isEmpty()) {
      replies.text("I didn't understand that. Try /pause 3 days or /pause until "
          + today.plusDays(7) + " (at most " + MAX_PAUSE_DAYS + " days).");
      return;
    }
    ScheduleDoc after = settings.pauseUntil(p, resumeOn.get());
    replies.text("Check-ins are paused. Take care of yourself. " + SettingsReplies.next(after)
        + " Send /resume any time to start again.");
  }

  /** "3", "3 days", "1 day", "until 2026-12-01"; empty when out of range or unreadable. */
  static Optional<LocalDate> resumeOn(String arg, LocalDate today) {
    String a = arg.toLowerCase(Locale.ROOT).trim();
    LocalDate date;
    if (a.startsWith("until ")) {
      try {
        date = LocalDate.parse(a.substring(6).trim());
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    } else if (a.matches("\\d{1,3}( ?(d|day|days))?")) {
      date = today.plusDays(Integer.parseInt(a.replaceAll("\\D", "")));
    } else {
      return Optional.empty();
    }
    boolean inRange = date.isAfter(today) && !date.isAfter(today.plusDays(MAX_PAUSE_DAYS));
    return inRange ? Optional.of(date) : Optional.empty();
  }
}
