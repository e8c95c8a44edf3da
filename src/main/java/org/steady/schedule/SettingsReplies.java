package org.steady.schedule;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.steady.chat.InboundInterceptor.Replies;
import org.steady.chat.PatientRef;
import org.steady.engine.Effect;

/**
 * The {@code /settings} command: shows the schedule and changes time, zone and days, and the
 * name and language Steady uses ({@code /settings name Ana}, {@code /settings language es}).
 */
@Component
class SettingsReplies {
  private static final DateTimeFormatter NEXT =
      DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.ENGLISH);

  /** The languages the shipped scripts speak, by what a patient may type. */
  private static final java.util.Map<String, String> LANGUAGES = java.util.Map.of(
      "en", "en", "english", "en", "inglés", "en", "ingles", "en",
      "es", "es", "spanish", "es", "español", "es", "espanol", "es", "castellano", "es");
  private static final int NAME_MAX = 40;

  private final CheckinSettings settings;
  private final PatientProfiles profiles;

  SettingsReplies(CheckinSettings settings, PatientProfiles profiles) {
    this.settings = settings;
    this.profiles = profiles;
  }

  void handle(PatientRef p, String arg, Replies replies) {
    String[] parts = arg.trim().split("\\s+", 2);
    String what = parts[0].toLowerCase(Locale.ROOT);
    String value = parts.length > 1 ? parts[1].trim() : "";
    if (what.equals("time") && !value.isEmpty()) {
      Optional<java.time.LocalTime> t = CheckinSettings.parseTime(value);
      if (t.isEmpty()) {
        replies.text("Please give the time as hours and minutes, e.g. /settings time 08:30.");
        return;
      }
      replies.text("Done. " + next(settings.time(p, t.get())));
    } else if (what.equals("zone") && !value.isEmpty()) {
      zone(p, value, replies);
    } else if (what.equals("days") && !value.isEmpty()) {
      Set<DayOfWeek> days = days(value);
      if (days.isEmpty()) {
        replies.text("Name the days like this: /settings days mon wed fri (or: every).");
        return;
      }
      replies.text("Done. " + next(settings.days(p, days)));
    } else if (what.equals("name") && !value.isEmpty()) {
      if (value.codePointCount(0, value.length()) > NAME_MAX) {
        replies.text("That name is a little long; please keep it under " + NAME_MAX
            + " characters.");
        return;
      }
      profiles.set(p.patientId(), "name", value);
      replies.text("Done. I'll call you " + value + " from now on.");
    } else if ((what.equals("language") || what.equals("idioma")) && !value.isEmpty()) {
      String locale = LANGUAGES.get(value.toLowerCase(Locale.ROOT));
      if (locale == null) {
        replies.text("I can speak English (/settings language en) or Spanish"
            + " (/settings language es).");
        return;
      }
      profiles.set(p.patientId(), "locale", locale);
      replies.text(locale.equals("es") ? "Hecho. A partir de ahora te escribiré en español."
          : "Done. I'll write to you in English from now on.");
    } else if (what.equals("name")) {
      replies.text("Send the name I should use like this: /settings name Ana");
    } else if (what.equals("language") || what.equals("idioma")) {
      replies.text("Send the language like this: /settings language en (or es for Spanish).");
    } else if (what.equals("time")) {
      replies.text("Send the new time like this: /settings time 08:30");
    } else if (what.equals("zone")) {
      replies.text("Send your city or time zone like this: /settings zone Berlin "
          + "(or Europe/Berlin, or an offset such as UTC+1).");
    } else {
      show(p, replies);
    }
  }

  private void zone(PatientRef p, String value, Replies replies) {
    ZoneLookup.Result r = ZoneLookup.find(value);
    if (r.zone().isPresent()) {
      String offsetNote = r.zone().get().getId().startsWith("UTC")
          && !r.zone().get().getId().equals("UTC")
          ? " A fixed offset does not follow summer time; a city does." : "";
      replies.text("Done. " + next(settings.zone(p, r.zone().get())) + offsetNote);
    } else if (!r.suggestions().isEmpty()) {
      replies.text("I don't know that time zone exactly. Did you mean one of these?\n"
          + r.suggestions().stream().map(s -> "/settings zone " + s)
              .collect(Collectors.joining("\n")));
    } else {
      replies.text("I don't know that time zone. Try the nearest big city "
          + "(/settings zone Berlin) or a UTC offset (/settings zone UTC+1).");
    }
  }

  private void show(PatientRef p, Replies replies) {
    Optional<ScheduleDoc> doc = settings.current(p.patientId());
    String text = doc.filter(d -> d.time() != null)
        .map(d -> "Your daily check-in: " + d.time() + " (" + d.zone().getId() + "), "
            + days(d.days()) + ". " + next(d))
        .orElse("You have no daily check-in time yet.");
    replies.buttons(text + "\nTo change it: /settings time 08:30, /settings zone Berlin, "
            + "/settings days mon wed fri, /settings name Ana, /settings language es.",
        List.of(List.of(new Effect.Button("Change time", "settings:time"),
            new Effect.Button("Change time zone", "settings:zone"))));
  }

  static String next(ScheduleDoc doc) {
    if (doc.nextDueAt() == null) {
      return "No check-in is planned yet: set a time with /settings time 08:30.";
    }
    ZonedDateTime at = doc.nextDueAt().atZone(doc.zone());
    return "Next check-in: " + NEXT.format(at) + " (" + doc.zone().getId() + ").";
  }

  static String days(Set<DayOfWeek> days) {
    if (days.size() == 7) {
      return "every day";
    }
    return "on " + days.stream().sorted()
        .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
        .collect(Collectors.joining(", "));
  }

  static Set<DayOfWeek> days(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    if (v.equals("every") || v.equals("every day") || v.equals("all")) {
      return EnumSet.allOf(DayOfWeek.class);
    }
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    for (String w : v.split("[\\s,]+")) {
      DayOfWeek match = null;
      for (DayOfWeek d : DayOfWeek.values()) {
        if (w.length() >= 2 && d.name().toLowerCase(Locale.ROOT).startsWith(w)) {
          match = d;
        }
      }
      if (match == null) {
        return EnumSet.noneOf(DayOfWeek.class);
      }
      out.add(match);
    }
    return out;
  }
}
