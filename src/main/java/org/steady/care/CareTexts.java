package org.steady.care;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.steady.chat.Placeholders;
import org.steady.store.Patients;

/**
 * What the patient reads while linking and managing care contacts, in English and Spanish side
 * by side; a locale other than {@code es} gets English. Placeholders are {@code {name}}, filled
 * by {@link #get(String, String, Object...)}.
 *
 * <p>What a care contact reads stays in English in the classes themselves: a contact is a
 * different person from the patient, and Steady does not know their language.
 */
final class CareTexts {
  private static final Map<String, String[]> TEXT = Map.ofEntries(
      Map.entry("invite", new String[] {
          "Here is a one-time code for a person you trust (a clinician, family member or peer"
              + " supporter): {code}\nThey send /link {code} to this bot.{link}\nThe code works"
              + " once and expires in 24 hours. You will confirm before they are linked.",
          "Aquí tienes un código de un solo uso para una persona de confianza (alguien del"
              + " equipo sanitario, de tu familia o de apoyo entre pares): {code}\nEsa persona"
              + " envía /link {code} a este bot.{link}\nEl código sirve una sola vez y caduca en"
              + " 24 horas. Antes de vincularla te pediré que lo confirmes."}),
      Map.entry("invite_link", new String[] {
          "\nOr send them this link: {url}", "\nO envíale este enlace: {url}"}),
      Map.entry("approve_ask", new String[] {
          "{name} used your invite code and says they are your {role}. Link them as a care"
              + " contact? They would receive alerts when an answer is worrying.",
          "{name} ha usado tu código de invitación y dice que te apoya como {role}. ¿Quieres"
              + " vincular a esta persona como contacto de cuidado? Recibiría avisos cuando una"
              + " respuesta sea preocupante."}),
      Map.entry("approve", new String[] {"Approve", "Aprobar"}),
      Map.entry("decline", new String[] {"Decline", "Rechazar"}),
      Map.entry("invalid", new String[] {
          "This button is no longer valid.", "Este botón ya no es válido."}),
      Map.entry("already_answered", new String[] {
          "This request was already answered.", "Ya respondiste a esta solicitud."}),
      Map.entry("declined", new String[] {
          "Declined. {name} is not linked.", "Hecho: no has vinculado a {name}."}),
      Map.entry("linked", new String[] {
          "{name} is linked and will receive alerts. What else may they see? (You can change"
              + " this in /contacts.)",
          "{name} ya es tu contacto de cuidado y recibirá avisos. ¿Qué más puede ver? (Puedes"
              + " cambiarlo en /contacts.)"}),
      Map.entry("share_yes", new String[] {"Share answers: yes", "Compartir respuestas: sí"}),
      Map.entry("share_no", new String[] {"Share answers: no", "Compartir respuestas: no"}),
      Map.entry("weekly_yes", new String[] {"Weekly summary: yes", "Resumen semanal: sí"}),
      Map.entry("weekly_no", new String[] {"Weekly summary: no", "Resumen semanal: no"}),
      Map.entry("list_empty", new String[] {
          "You have no care contacts yet. Send /invite to create a link code.",
          "Todavía no tienes contactos de cuidado. Envía /invite para crear un código."}),
      Map.entry("list_head", new String[] {
          "Your care contacts, in the order they are alerted:",
          "Tus contactos de cuidado, en el orden en que reciben los avisos:"}),
      Map.entry("list_item", new String[] {
          " — alerts: yes; answers behind an alert: {answers}; weekly summary: {weekly}",
          " — avisos: sí; respuestas tras un aviso: {answers}; resumen semanal: {weekly}"}),
      Map.entry("yes", new String[] {"yes", "sí"}),
      Map.entry("no", new String[] {"no", "no"}),
      Map.entry("unlink", new String[] {"Unlink {name}", "Desvincular a {name}"}),
      Map.entry("move_up", new String[] {"Move up", "Subir"}),
      Map.entry("answers_off", new String[] {"Answers off", "No compartir respuestas"}),
      Map.entry("answers_on", new String[] {"Answers on", "Compartir respuestas"}),
      Map.entry("summary_off", new String[] {"Summary off", "Sin resumen semanal"}),
      Map.entry("summary_on", new String[] {"Summary on", "Con resumen semanal"}),
      Map.entry("unlinked", new String[] {
          "{name} is unlinked and will receive nothing more.",
          "Has desvinculado a {name}: ya no recibirá nada más."}),
      Map.entry("already_ended", new String[] {
          "This link has already ended.", "Este vínculo ya había terminado."}),
      Map.entry("contact_ended", new String[] {
          "{name} has ended their link as your care contact. You can invite someone with"
              + " /invite.",
          "{name} ha dejado de ser tu contacto de cuidado. Puedes invitar a otra persona con"
              + " /invite."}),
      Map.entry("saved_sharesAnswers_on", new String[] {
          "Saved: {name} will see the answers behind an alert.",
          "Guardado: {name} verá las respuestas que hay detrás de un aviso."}),
      Map.entry("saved_sharesAnswers_off", new String[] {
          "Saved: {name} will not see the answers behind an alert.",
          "Guardado: {name} no verá las respuestas que hay detrás de un aviso."}),
      Map.entry("saved_weeklySummary_on", new String[] {
          "Saved: {name} will receive a weekly summary.",
          "Guardado: {name} recibirá un resumen semanal."}),
      Map.entry("saved_weeklySummary_off", new String[] {
          "Saved: {name} will not receive a weekly summary.",
          "Guardado: {name} no recibirá un resumen semanal."}),
      Map.entry("contact", new String[] {"Contact {id}", "Contacto {id}"}),
      Map.entry("role_clinician", new String[] {"clinician", "profesional de la salud"}),
      Map.entry("role_family", new String[] {"family member", "familiar"}),
      Map.entry("role_peer", new String[] {"peer supporter", "apoyo entre pares"}));

  private CareTexts() {}

  /** The text for {@code key} in the patient's language, with {@code name, value} pairs. */
  static String get(String key, @Nullable String locale, Object... pairs) {
    String[] t = TEXT.get(key);
    if (t == null) {
      throw new IllegalArgumentException("no care text " + key);
    }
    boolean es = locale != null && Patients.normaliseLocale(locale).equals("es");
    String s = t[es ? 1 : 0];
    return Placeholders.fill(s, pairs);
  }


  /** The contact's name as the patient sees it: "Contacto ab12" when they gave none. */
  static String name(CareContact c, String locale) {
    return c.name() == null || c.name().isBlank() ? get("contact", locale, "id", c.id())
        : c.name();
  }

  /** "family member", "familiar". */
  static String role(CareContact.Role r, String locale) {
    return get("role_" + r.wire(), locale);
  }
}
