package org.steady.schedule;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.steady.chat.Placeholders;
import org.steady.store.Patients;

/**
 * What the schedule says to a patient (/settings, /pause, /resume, taper-step reminders, the
 * symptom-watch offer), in English and Spanish side by side. A locale other than {@code es} gets
 * English. Placeholders are {@code {name}}, filled by {@link #get(String, String, Object...)}.
 * Never put a dose in here: a taper step's words are the prescriber's and are passed in as is.
 */
final class ScheduleTexts {
  private static final Map<String, String[]> TEXT = Map.ofEntries(
      Map.entry("done", new String[] {"Done. {next}", "Hecho. {next}"}),
      Map.entry("time_help", new String[] {
          "Send the new time like this: /settings time 08:30",
          "Envía la nueva hora así: /settings hora 08:30"}),
      Map.entry("time_bad", new String[] {
          "Please give the time as hours and minutes, e.g. /settings time 08:30.",
          "Escribe la hora con horas y minutos, por ejemplo /settings hora 08:30."}),
      Map.entry("days_help", new String[] {
          "Send the days like this: /settings days mon wed fri (or: every).",
          "Envía los días así: /settings días lun mié vie (o: todos)."}),
      Map.entry("days_bad", new String[] {
          "Name the days like this: /settings days mon wed fri (or: every).",
          "Escribe los días así: /settings días lun mié vie (o: todos)."}),
      Map.entry("zone_help", new String[] {
          "Send your city or time zone like this: /settings zone Berlin (or Europe/Berlin, or an"
              + " offset such as UTC+1).",
          "Envía tu ciudad o tu zona horaria así: /settings zona Madrid (o Europe/Madrid, o una"
              + " diferencia como UTC+1)."}),
      Map.entry("zone_offset", new String[] {
          " A fixed offset does not follow summer time; a city does.",
          " Una diferencia fija no cambia con el horario de verano; una ciudad sí."}),
      Map.entry("zone_maybe", new String[] {
          "I don't know that time zone exactly. Did you mean one of these?",
          "No conozco exactamente esa zona horaria. ¿Es alguna de estas?"}),
      Map.entry("zone_unknown", new String[] {
          "I don't know that time zone. Try the nearest big city (/settings zone Berlin) or a UTC"
              + " offset (/settings zone UTC+1).",
          "No conozco esa zona horaria. Prueba con la ciudad grande más cercana (/settings zona"
              + " Madrid) o con una diferencia respecto a UTC (/settings zona UTC+1)."}),
      Map.entry("zone_word", new String[] {"zone", "zona"}),
      Map.entry("name_help", new String[] {
          "Send the name I should use like this: /settings name Ana",
          "Envía el nombre que quieres que use así: /settings nombre Ana"}),
      Map.entry("name_long", new String[] {
          "That name is a little long; please keep it under {max} characters.",
          "Ese nombre es un poco largo: usa menos de {max} caracteres."}),
      Map.entry("name_done", new String[] {
          "Done. I'll call you {name} from now on.",
          "Hecho. A partir de ahora te llamaré {name}."}),
      Map.entry("language_help", new String[] {
          "Send the language like this: /settings language en (or es for Spanish).",
          "Envía el idioma así: /settings idioma es (o en para inglés)."}),
      Map.entry("language_unknown", new String[] {
          "I can speak English (/settings language en) or Spanish (/settings language es).",
          "Puedo escribirte en español (/settings idioma es) o en inglés (/settings idioma en)."}),
      Map.entry("language_done", new String[] {
          "Done. I'll write to you in English from now on.",
          "Hecho. A partir de ahora te escribiré en español."}),
      Map.entry("show", new String[] {
          "Your daily check-in: {time} ({zone}), {days}. {next}",
          "Tu control diario: {time} ({zone}), {days}. {next}"}),
      Map.entry("show_none", new String[] {
          "You have no daily check-in time yet.",
          "Todavía no tienes hora para el control diario."}),
      Map.entry("show_how", new String[] {
          "\nTo change it: /settings time 08:30, /settings zone Berlin, /settings days mon wed"
              + " fri, /settings name Ana, /settings language es.",
          "\nPara cambiarlo: /settings hora 08:30, /settings zona Madrid, /settings días lun mié"
              + " vie, /settings nombre Ana, /settings idioma en."}),
      Map.entry("change_time", new String[] {"Change time", "Cambiar la hora"}),
      Map.entry("change_zone", new String[] {"Change time zone", "Cambiar la zona horaria"}),
      Map.entry("next", new String[] {
          "Next check-in: {at} ({zone}).", "Próximo control: {at} ({zone})."}),
      Map.entry("next_none", new String[] {
          "No check-in is planned yet: set a time with /settings time 08:30.",
          "Todavía no hay ningún control previsto: elige una hora con /settings hora 08:30."}),
      Map.entry("every_day", new String[] {"every day", "todos los días"}),
      Map.entry("on_days", new String[] {"on {days}", "los {days}"}),
      Map.entry("resumed", new String[] {
          "Check-ins are back on. {next}", "Volvemos con los controles. {next}"}),
      Map.entry("pause_nothing", new String[] {
          "You have no daily check-in to pause yet. Set a time with /settings time 08:30.",
          "Todavía no tienes un control diario que pausar. Elige una hora con /settings hora"
              + " 08:30."}),
      Map.entry("pause_ask", new String[] {
          "How long would you like a break from check-ins?",
          "¿Cuánto tiempo quieres descansar de los controles?"}),
      Map.entry("pause_1", new String[] {"1 day", "1 día"}),
      Map.entry("pause_3", new String[] {"3 days", "3 días"}),
      Map.entry("pause_7", new String[] {"1 week", "1 semana"}),
      Map.entry("pause_bad", new String[] {
          "I didn't understand that. Try /pause 3 days or /pause until {date} (at most {max}"
              + " days).",
          "No lo he entendido. Prueba con /pause 3 días o /pause hasta {date} (como mucho {max}"
              + " días)."}),
      Map.entry("paused", new String[] {
          "Check-ins are paused. Take care of yourself. {next} Send /resume any time to start"
              + " again.",
          "Los controles quedan en pausa. Cuídate. {next} Envía /resume cuando quieras volver."}),
      Map.entry("taper_step", new String[] {
          "Today a new step of your taper plan starts, as your prescriber wrote it:\n{step}\n"
              + "Please contact your prescriber with any question about it.",
          "Hoy empieza un nuevo paso de tu plan, tal como lo escribió quien te receta:\n{step}\n"
              + "Si tienes cualquier duda sobre él, contacta con quien te receta."}),
      Map.entry("pace_offer", new String[] {
          "Your symptoms seem stronger since your taper step started. That can happen, and you"
              + " don't have to manage it alone. Your prescriber decides about the plan; if you"
              + " like, I can let your care contacts know you'd like to talk about the pace.",
          "Parece que tus síntomas son más fuertes desde que empezó el nuevo paso. Puede ocurrir, y"
              + " no tienes que pasarlo a solas. Quien te receta decide sobre el plan; si"
              + " quieres, puedo avisar a tus contactos de cuidado de que te gustaría hablar del"
              + " ritmo."}),
      Map.entry("pace_button", new String[] {
          "I'd like to talk about the pace", "Me gustaría hablar del ritmo"}),
      Map.entry("pace_told", new String[] {
          "Thank you for saying so. I've let your care contacts know you'd like to talk about the"
              + " pace. ",
          "Gracias por decírmelo. He avisado a tus contactos de cuidado de que te gustaría hablar"
              + " del ritmo. "}),
      Map.entry("pace_thanks", new String[] {
          "Thank you for saying so. ", "Gracias por decírmelo. "}),
      Map.entry("pace_prescriber", new String[] {
          "Please also contact your prescriber: they can talk the plan through with you.",
          "Habla también con quien te receta: puede revisar el plan contigo."}));

  private static final DateTimeFormatter[] NEXT = {
      DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.ENGLISH),
      DateTimeFormatter.ofPattern("EEE d MMM 'a las' HH:mm", Locale.forLanguageTag("es"))};

  /** Spanish names days in the plural after "los": "los lunes y sábados". */
  private static final List<String> DIAS = List.of(
      "lunes", "martes", "miércoles", "jueves", "viernes", "sábados", "domingos");

  private ScheduleTexts() {}

  /** 1 for Spanish, 0 for English and anything else. */
  static int lang(String locale) {
    return locale != null && Patients.normaliseLocale(locale).equals("es") ? 1 : 0;
  }

  /** The text for {@code key}, with {@code name, value} pairs filled in. */
  static String get(String key, String locale, Object... pairs) {
    String[] t = TEXT.get(key);
    if (t == null) {
      throw new IllegalArgumentException("no schedule text " + key);
    }
    String s = t[lang(locale)];
    return Placeholders.fill(s, pairs);
  }


  /** "Next check-in: Wed 2 Dec at 08:30 (Europe/Berlin)." or "Próximo control: mié 2 dic ...". */
  static String next(ScheduleDoc doc, String locale) {
    if (doc.nextDueAt() == null) {
      return get("next_none", locale);
    }
    ZonedDateTime at = doc.nextDueAt().atZone(doc.zone());
    return get("next", locale, "at", NEXT[lang(locale)].format(at), "zone", doc.zone().getId());
  }

  /**
   * "every day", "on Mon, Thu"; "todos los días", "los lunes y jueves". No days stored means
   * every day, as in {@link Recurrence}.
   */
  static String days(Set<DayOfWeek> days, String locale) {
    if (days.isEmpty() || days.size() == 7) {
      return get("every_day", locale);
    }
    List<DayOfWeek> sorted = days.stream().sorted().toList();
    String list;
    if (lang(locale) == 1) {
      List<String> names = sorted.stream().map(d -> DIAS.get(d.ordinal())).toList();
      list = names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0,
          names.size() - 1)) + " y " + names.get(names.size() - 1);
    } else {
      list = String.join(", ", sorted.stream()
          .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).toList());
    }
    return get("on_days", locale, "days", list);
  }
}
