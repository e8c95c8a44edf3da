package org.steady.chat;

import java.util.Map;

/** The few texts the shell itself sends (everything else comes from the scripts). */
final class Texts {
  private static final Map<String, String> UNSUPPORTED = Map.of(
      "en", "Sorry, I can only read text messages and button presses. Send /cope for coping help.",
      "es",
      "Lo siento, solo puedo leer mensajes de texto y botones. Envía /cope si necesitas ayuda.");
  private static final Map<String, String> APOLOGY = Map.of(
      "en", "Sorry, something went wrong on my side. Please try again in a moment.",
      "es", "Lo siento, algo falló por mi parte. Inténtalo de nuevo en un momento.");

  private static final Map<String, String> STOPPED = Map.of(
      "en", "Done: I won't send you any more check-ins or reminders. Whenever you want to come"
          + " back, send /start. If you are ever in crisis, please call your local emergency"
          + " number.",
      "es", "Hecho: no te enviaré más controles ni recordatorios. Cuando quieras volver, envía"
          + " /start. Si alguna vez estás en crisis, llama al número de emergencias local.");

  private Texts() {}

  static String unsupported(String locale) {
    return pick(UNSUPPORTED, locale);
  }

  static String apology(String locale) {
    return pick(APOLOGY, locale);
  }

  /** The answer to /stop. */
  static String stopped(String locale) {
    return pick(STOPPED, locale);
  }

  private static String pick(Map<String, String> texts, String locale) {
    String l = locale == null ? "en" : org.steady.store.Patients.normaliseLocale(locale);
    return texts.getOrDefault(l, texts.get("en"));
  }
}
