package org.steady.schedule;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Each word has a Spanish twin ({@code hora, zona, días, nombre, idioma}); replies follow the
 * patient's locale ({@link ScheduleTexts}).
 */
@Component
class SettingsReplies {
  /** The languages the shipped scripts speak, by what a patient may type. */
  private static final Map<String, String> LANGUAGES = Map.of(
      "en", "en", "english", "en", "inglés", "en", "ingles", "en",
      "es", "es", "spanish", "es", "español", "es", "espanol", "es", "castellano", "es");
  /** What a patient may type after /settings, in either language, to what it changes. */
  private static final Map<String, String> WHAT = Map.of(
      "time", "time", "hora", "time", "zone", "zone", "zona", "zone", "days", "days",
      "dias", "days", "name", "name", "nombre", "name", "language", "language",
      "idioma", "language");
  /** Day prefixes: English (mo, tu, ...) and Spanish without accents (lu, ma, mi, ...). */
  private static final Map<DayOfWeek, List<String>> DAY_WORDS = Map.of(
      DayOfWeek.MONDAY, List.of("monday", "lunes"),
      DayOfWeek.TUESDAY, List.of("tuesday", "martes"),
      DayOfWeek.WEDNESDAY, List.of("wednesday", "miercoles"),
      DayOfWeek.THURSDAY, List.of("thursday", "jueves"),
      DayOfWeek.FRIDAY, List.of("friday", "viernes"),
      DayOfWeek.SATURDAY, List.of("saturday", "sabado", "sabados"),
      DayOfWeek.SUNDAY, List.of("sunday", "domingo", "domingos"));
  private static final Set<String> EVERY = Set.of("every", "every day", "all", "todos",
      "todos los dias", "cada dia");
  private static final int NAME_MAX = 40;

  private final CheckinSettings settings;
  private final PatientProfiles profiles;

  SettingsReplies(CheckinSettings settings, PatientProfiles profiles) {
    this.settings = settings;
    this.profiles = profiles;
  }

  void handle(PatientRef p, String arg, Replies replies) {
    String[] parts = arg.trim().split("\\s+", 2);
    String what = WHAT.getOrDefault(fold(parts[0]), "");
    String value = parts.length > 1 ? parts[1].trim() : "";
    String l = p.locale();
    if (what.isEmpty()) {
      show(p, replies);
    } else if (value.isEmpty()) {
      replies.text(ScheduleTexts.get(what + "_help", l));
    } else if (what.equals("time")) {
      Optional<LocalTime> t = CheckinSettings.parseTime(value);
      replies.text(t.isEmpty() ? ScheduleTexts.get("time_bad", l)
          : done(settings.time(p, t.get()), l));
    } else if (what.equals("zone")) {
      zone(p, value, replies);
    } else if (what.equals("days")) {
      Set<DayOfWeek> days = days(value);
      replies.text(days.isEmpty() ? ScheduleTexts.get("days_bad", l)
          : done(settings.days(p, days), l));
    } else if (what.equals("name")) {
      name(p, value, replies);
    } else {
      String locale = LANGUAGES.get(value.toLowerCase(Locale.ROOT));
      if (locale == null) {
        replies.text(ScheduleTexts.get("language_unknown", l));
        return;
      }
      profiles.set(p.patientId(), "locale", locale);
      // said in the language just chosen
      replies.text(ScheduleTexts.get("language_done", locale));
    }
  }

  private static String done(ScheduleDoc doc, String locale) {
    return ScheduleTexts.get("done", locale, "next", ScheduleTexts.next(doc, locale));
  }

  private void name(PatientRef p, String value, Replies replies) {
    if (value.codePointCount(0, value.length()) > NAME_MAX) {
      replies.text(ScheduleTexts.get("name_long", p.locale(), "max", NAME_MAX));
      return;
    }
    profiles.set(p.patientId(), "name", value);
    replies.text(ScheduleTexts.get("name_done", p.locale(), "name", value));
  }

  private void zone(PatientRef p, String value, Replies replies) {
    String l = p.locale();
    ZoneLookup.Result r = ZoneLookup.find(value);
    if (r.zone().isPresent()) {
      String id = r.zone().get().getId();
      String offsetNote = id.startsWith("UTC") && !id.equals("UTC")
          ? ScheduleTexts.get("zone_offset", l) : "";
      replies.text(done(settings.zone(p, r.zone().get()), l) + offsetNote);
    } else if (!r.suggestions().isEmpty()) {
      String command = "/settings " + ScheduleTexts.get("zone_word", l) + " ";
      replies.text(ScheduleTexts.get("zone_maybe", l) + "\n"
          + r.suggestions().stream().map(s -> command + s).collect(Collectors.joining("\n")));
    } else {
      replies.text(ScheduleTexts.get("zone_unknown", l));
    }
  }

  private void show(PatientRef p, Replies replies) {
    String l = p.locale();
    Optional<ScheduleDoc> doc = settings.current(p.patientId());
    String text = doc.filter(d -> d.time() != null)
        .map(d -> ScheduleTexts.get("show", l, "time", d.time(), "zone", d.zone().getId(),
            "days", ScheduleTexts.days(d.days(), l), "next", ScheduleTexts.next(d, l)))
        .orElse(ScheduleTexts.get("show_none", l));
    replies.buttons(text + ScheduleTexts.get("show_how", l),
        List.of(List.of(new Effect.Button(ScheduleTexts.get("change_time", l), "settings:time"),
            new Effect.Button(ScheduleTexts.get("change_zone", l), "settings:zone"))));
  }

  /** "mon wed fri", "lun, mié, vie", "every", "todos"; empty when a word is not a day. */
  static Set<DayOfWeek> days(String value) {
    String v = fold(value).trim();
    if (EVERY.contains(v)) {
      return EnumSet.allOf(DayOfWeek.class);
    }
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    for (String w : v.split("[\\s,]+")) {
      Optional<DayOfWeek> match = w.length() < 2 ? Optional.empty()
          : DAY_WORDS.entrySet().stream()
              .filter(e -> e.getValue().stream().anyMatch(d -> d.startsWith(w)))
              .map(Map.Entry::getKey).findFirst();
      if (match.isEmpty()) {
        return EnumSet.noneOf(DayOfWeek.class);
      }
      out.add(match.get());
    }
    return out;
  }

  /** Lower case without accents, so "Días" and "mié" match "dias" and "mie". */
  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }
}
