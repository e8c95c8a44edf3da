package org.steady.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.steady.engine.Effect;

/**
 * The patient's side of linking and managing care contacts follows the patient's locale; what
 * the contact reads stays English, since the contact's own language is not known.
 */
class CareLanguageTest {
  private final CareWorld w = new CareWorld(TestProps.noStaff());

  @AfterEach
  void close() {
    w.close();
  }

  private List<String> labels(String chatId) {
    return w.outbox.last(chatId).buttons().stream().flatMap(List::stream)
        .map(Effect.Button::label).toList();
  }

  /** Invite, the contact redeems and picks a role: returns the approve button's value. */
  private String inviteAndRedeem(String patientChat, String contactChat) {
    w.command(patientChat, "invite", "");
    w.command(contactChat, "link", CareWorld.codeIn(w.outbox.last(patientChat).text()));
    w.press(contactChat, w.valueStartingWith(contactChat, "role:")
        .replaceAll(":[a-z]+$", ":family"));
    return w.valueStartingWith(patientChat, "approve:");
  }

  @Test
  void spanishPatientLinksAContactInSpanishWhileTheContactReadsEnglish() {
    w.patient("p1", "Ana", "es", "Europe/Madrid");
    w.command("p1", "invite", "");
    assertThat(w.outbox.last("p1").text()).startsWith("Aquí tienes un código de un solo uso")
        .contains("caduca en 24 horas");
    w.command("c1", "link", CareWorld.codeIn(w.outbox.last("p1").text()));
    assertThat(w.outbox.last("c1").text()).isEqualTo("Thank you. How do you support this person?");
    w.press("c1", w.valueStartingWith("c1", "role:").replaceAll(":[a-z]+$", ":family"));
    assertThat(w.outbox.last("p1").text()).isEqualTo("Namec1 ha usado tu código de invitación y "
        + "dice que te apoya como familiar. ¿Quieres vincular a esta persona como contacto de "
        + "cuidado? Recibiría avisos cuando una respuesta sea preocupante.");
    assertThat(labels("p1")).containsExactly("Aprobar", "Rechazar");

    w.press("p1", w.valueStartingWith("p1", "approve:"));
    assertThat(w.outbox.last("p1").text()).startsWith("Namec1 ya es tu contacto de cuidado");
    assertThat(labels("p1")).containsExactly("Compartir respuestas: sí",
        "Compartir respuestas: no", "Resumen semanal: sí", "Resumen semanal: no");
    assertThat(w.outbox.last("c1").text()).startsWith("You are now a care contact for Ana.");

    w.press("p1", w.valueStartingWith("p1", "share:").replaceAll(":[yn]$", ":y"));
    assertThat(w.outbox.last("p1").text())
        .isEqualTo("Guardado: Namec1 verá las respuestas que hay detrás de un aviso.");
  }

  @Test
  void spanishPatientSeesContactsAndUnlinksInSpanish() {
    w.patient("p1", "Ana", "es", "Europe/Madrid");
    w.link("p1", "c1", "clinician", false);
    w.command("p1", "contacts", "");
    assertThat(w.outbox.last("p1").text()).isEqualTo("Tus contactos de cuidado, en el orden en "
        + "que reciben los avisos:\n1. Namec1 (profesional de la salud) — avisos: sí; respuestas "
        + "tras un aviso: no; resumen semanal: no");
    assertThat(labels("p1")).containsExactly("Desvincular a Namec1", "Compartir respuestas",
        "Con resumen semanal");

    w.press("p1", w.valueStartingWith("p1", "unlink:"));
    assertThat(w.outbox.last("p1").text())
        .isEqualTo("Has desvinculado a Namec1: ya no recibirá nada más.");
    assertThat(w.outbox.last("c1").text()).startsWith("You are no longer a care contact for Ana");
    w.command("p1", "contacts", "");
    assertThat(w.outbox.last("p1").text()).startsWith("Todavía no tienes contactos de cuidado.");
  }

  @Test
  void contactEndingTheLinkTellsASpanishPatientInSpanish() {
    w.patient("p1", "Ana", "es", "Europe/Madrid");
    w.link("p1", "c1", "peer", false);
    w.command("c1", "unlink", "");
    assertThat(labels("c1")).containsExactly("Stop supporting Ana");
    w.press("c1", w.valueStartingWith("c1", "unlink:"));
    assertThat(w.outbox.last("c1").text()).startsWith("Your link has ended.");
    assertThat(w.outbox.last("p1").text()).isEqualTo("Namec1 ha dejado de ser tu contacto de "
        + "cuidado. Puedes invitar a otra persona con /invite.");
  }

  @Test
  void englishPatientKeepsEnglishReplies() {
    w.patient("p1", "Ana", "en", "UTC");
    w.command("p1", "invite", "");
    assertThat(w.outbox.last("p1").text()).startsWith("Here is a one-time code");
    w.press("p1", inviteAndRedeem("p1", "c1"));
    assertThat(labels("p1")).containsExactly("Share answers: yes", "Share answers: no",
        "Weekly summary: yes", "Weekly summary: no");
    w.command("p1", "contacts", "");
    assertThat(w.outbox.last("p1").text()).isEqualTo("Your care contacts, in the order they are "
        + "alerted:\n1. Namec1 (family member) — alerts: yes; answers behind an alert: no; "
        + "weekly summary: no");
    assertThat(labels("p1")).containsExactly("Unlink Namec1", "Answers on", "Summary on");
  }

  @Test
  void spanishPatientDecliningIsAnsweredInSpanish() {
    w.patient("p1", "Ana", "es", "UTC");
    String approve = inviteAndRedeem("p1", "c1");
    w.press("p1", approve.replace("approve:", "decline:"));
    assertThat(w.outbox.last("p1").text()).isEqualTo("Hecho: no has vinculado a Namec1.");
    assertThat(w.outbox.last("c1").text()).isEqualTo("The link request was not confirmed.");
    w.press("p1", approve);
    assertThat(w.outbox.last("p1").text()).isEqualTo("Ya respondiste a esta solicitud.");
  }
}
