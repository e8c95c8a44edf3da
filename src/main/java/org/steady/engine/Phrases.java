package org.steady.engine;

import java.util.Map;

/**
 * The engine's own words (re-asks, stale presses, reminder buttons), in English and Spanish.
 * Everything a script says comes from the script; only these few generic lines live in code.
 */
final class Phrases {
  private static final Map<String, String[]> TEXT = Map.ofEntries(
      Map.entry("reask_choice", new String[] {
          "Sorry, I didn't catch that. Please tap one of the buttons, or type its number.",
          "Perdona, no te he entendido. Toca uno de los botones o escribe su número."}),
      Map.entry("reask_multi", new String[] {
          "Sorry, I didn't catch that. Tap the options that apply (or type them, separated by commas), then Done.",
          "Perdona, no te he entendido. Toca las opciones que correspondan (o escríbelas separadas por comas) y luego Listo."}),
      Map.entry("reask_multi_empty", new String[] {
          "Please tick at least one option, then Done.",
          "Marca al menos una opción y luego Listo."}),
      Map.entry("reask_scale", new String[] {
          "Please send a whole number from {min} to {max}, or tap a button.",
          "Envía un número entero del {min} al {max}, o toca un botón."}),
      Map.entry("reask_number", new String[] {
          "Please send a number from {min} to {max}.",
          "Envía un número del {min} al {max}."}),
      Map.entry("reask_integer", new String[] {
          "Please send a whole number from {min} to {max}.",
          "Envía un número entero del {min} al {max}."}),
      Map.entry("reask_text_empty", new String[] {
          "I didn't get any words there — could you type your answer?",
          "No he recibido ninguna palabra. ¿Puedes escribir tu respuesta?"}),
      Map.entry("reask_text_long", new String[] {
          "That's a little long — please keep it under {max} characters.",
          "Es un poco largo: por favor, usa menos de {max} caracteres."}),
      Map.entry("reask_timezone", new String[] {
          "I couldn't recognise that time zone. Try a city such as Madrid, or an offset such as UTC+2.",
          "No he reconocido esa zona horaria. Prueba con una ciudad como Madrid, o con UTC+2."}),
      Map.entry("reask_timezone_near", new String[] {
          "I couldn't recognise that time zone. Did you mean {places}? Type the city as written here, or an offset such as UTC+2.",
          "No he reconocido esa zona horaria. ¿Querías decir {places}? Escribe la ciudad tal como aparece aquí, o una diferencia como UTC+2."}),
      Map.entry("or", new String[] {" or ", " o "}),
      Map.entry("reask_time", new String[] {
          "Please send a time such as 8:30, 20:30 or 8pm.",
          "Envía una hora como 8:30 o 20:30."}),
      Map.entry("stale", new String[] {
          "That question has passed — here is where we are:",
          "Esa pregunta ya pasó. Aquí es donde estamos:"}),
      Map.entry("stale_idle", new String[] {
          "That question has passed. Nothing is waiting for an answer right now.",
          "Esa pregunta ya pasó. Ahora mismo no hay nada pendiente."}),
      Map.entry("reminder", new String[] {"Just a gentle reminder:", "Solo un recordatorio:"}),
      Map.entry("later", new String[] {"Later", "Más tarde"}),
      Map.entry("not_today", new String[] {"Not today, I'm OK", "Hoy no, estoy bien"}),
      Map.entry("later_ack", new String[] {
          "No problem — I'll ask again a bit later.",
          "Sin problema, te lo volveré a preguntar más tarde."}),
      Map.entry("skip_ack", new String[] {
          "OK, we'll leave it for today. Take care — I'm here whenever you need me.",
          "De acuerdo, lo dejamos por hoy. Cuídate, aquí estoy cuando me necesites."}),
      Map.entry("show_me", new String[] {"Show me", "Muéstramelo"}),
      Map.entry("skip", new String[] {"Skip", "Saltar"}),
      Map.entry("coping_offer", new String[] {
          "Here is something that may help: {title}. Would you like to try it?",
          "Esto puede ayudarte: {title}. ¿Quieres probarlo?"}),
      Map.entry("done", new String[] {"Done", "Listo"}),
      Map.entry("help", new String[] {
          "Sorry, I don't know that command. Send /help to see what I can do, or just reply to my last message.",
          "Perdona, no conozco ese comando. Escribe /help para ver lo que puedo hacer, o responde a mi último mensaje."}),
      Map.entry("help_list", new String[] {
          "Here is what I can do:\n"
              + "/checkin - do today's check-in now\n"
              + "/cope - a short idea for a hard moment\n"
              + "/crisis - help right now if you feel unsafe\n"
              + "/settings - your check-in time, time zone and days\n"
              + "/pause and /resume - take a break from check-ins, and start again\n"
              + "/invite - link a person you trust, who hears from me when things are hard; /contacts - see or unlink them\n"
              + "/stop - no more messages until you send /start\n\n"
              + "I never give medical or dosing advice: please ask your prescriber about any change to your medicine. If you are in danger, call your local emergency number.",
          "Esto es lo que puedo hacer:\n"
              + "/checkin - hacer ahora el control de hoy\n"
              + "/cope - una idea breve para un momento difícil\n"
              + "/crisis - ayuda ahora mismo si no te sientes a salvo\n"
              + "/settings - la hora, la zona horaria y los días de tu control\n"
              + "/pause y /resume - tomarte un descanso de los controles y volver a empezar\n"
              + "/invite - vincular a una persona de confianza, que sabrá de mí cuando las cosas vayan mal; /contacts - verlas o desvincularlas\n"
              + "/stop - no más mensajes hasta que escribas /start\n\n"
              + "Nunca doy consejos médicos ni sobre dosis: consulta con quien te receta cualquier cambio en tu medicación. Si estás en peligro, llama al número de emergencias local."}),
      Map.entry("idle", new String[] {
          "Thanks for your message. Nothing is waiting for an answer right now.",
          "Gracias por tu mensaje. Ahora mismo no hay ninguna pregunta pendiente."}),
      Map.entry("red_flag", new String[] {
          "Thank you for telling me. What you describe can be serious. I'm sending you numbers where you can reach someone right now, and if you have linked care contacts they are being told. If you are in danger or it is happening now, please call your local emergency number.",
          "Gracias por contármelo. Lo que describes puede ser grave. Te envío ahora números donde puedes hablar con alguien, y si has vinculado contactos de cuidado, se les está avisando. Si estás en peligro o está pasando ahora, llama al número de emergencias local."}),
      Map.entry("red_flag_resume", new String[] {
          "Take your time. Whenever you feel ready, we can carry on where we were.",
          "Tómate tu tiempo. Cuando te sientas con fuerzas, seguimos donde estábamos."}),
      Map.entry("error", new String[] {
          "Sorry — something went wrong on my side, so I stopped this conversation. Your answers so far are saved.",
          "Perdona, algo ha fallado por mi parte y he detenido esta conversación. Tus respuestas hasta ahora están guardadas."}));

  private Phrases() {}

  static String get(String key, String locale) {
    String[] t = TEXT.get(key);
    if (t == null) throw new IllegalArgumentException("no phrase " + key);
    return locale != null && locale.startsWith("es") ? t[1] : t[0];
  }

  static String get(String key, String locale, String name, Object value) {
    return get(key, locale).replace("{" + name + "}", String.valueOf(value));
  }
}
