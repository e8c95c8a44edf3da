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
 * the buttons they offer. Answers are plain and short, in the patient's language
 * ({@link ScheduleTexts}); a wrong entry says what was expected.
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
      // not a patient (yet): no locale of theirs is known, so English
      replies.text("Check-ins start after you say hello with /start.");
      return true;
    }
    PatientRef p = patient.get();
    if (command.equals("pause")) {
      pause(p, arg, replies);
    } else if (command.equals("resume")) {
      ScheduleDoc doc = settings.resume(p);
      replies.text(ScheduleTexts.get("resumed", p.locale(), "next",
          ScheduleTexts.next(doc, p.locale())));
    } else {
      settingsReplies.handle(p, arg, replies);
    }
    return true;
  }

  private void pause(PatientRef p, String arg, Replies replies) {
    String l = p.locale();
    Optional<ScheduleDoc> doc = settings.current(p.patientId());
    if (doc.isEmpty() || doc.get().time() == null) {
      replies.text(ScheduleTexts.get("pause_nothing", l));
      return;
    }
    LocalDate today = settings.today(doc.get());
    if (arg.isEmpty()) {
      replies.buttons(ScheduleTexts.get("pause_ask", l), List.of(List.of(
          new Effect.Button(ScheduleTexts.get("pause_1", l), "pause:1"),
          new Effect.Button(ScheduleTexts.get("pause_3", l), "pause:3"),
          new Effect.Button(ScheduleTexts.get("pause_7", l), "pause:7"))));
      return;
    }
    Optional<LocalDate> resumeOn = resumeOn(arg, today);
    if (resumeOn.isEmpty()) {
      replies.text(ScheduleTexts.get("pause_bad", l, "date", today.plusDays(7),
          "max", MAX_PAUSE_DAYS));
      return;
    }
    ScheduleDoc after = settings.pauseUntil(p, resumeOn.get());
    replies.text(ScheduleTexts.get("paused", l, "next", ScheduleTexts.next(after, l)));
  }

  /**
   * "3", "3 days", "1 day", "until 2026-12-01", and in Spanish "3 días", "hasta 2026-12-01";
   * empty when out of range or unreadable.
   */
  static Optional<LocalDate> resumeOn(String arg, LocalDate today) {
    String a = SettingsReplies.fold(arg).trim();
    LocalDate date;
    if (a.startsWith("until ") || a.startsWith("hasta ")) {
      try {
        date = LocalDate.parse(a.substring(6).trim());
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    } else if (a.matches("\\d{1,3}( ?(d|day|days|dia|dias))?")) {
      date = today.plusDays(Integer.parseInt(a.replaceAll("\\D", "")));
    } else {
      return Optional.empty();
    }
    boolean inRange = date.isAfter(today) && !date.isAfter(today.plusDays(MAX_PAUSE_DAYS));
    return inRange ? Optional.of(date) : Optional.empty();
  }
}
