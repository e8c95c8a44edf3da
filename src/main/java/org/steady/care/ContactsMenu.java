package org.steady.care;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.steady.chat.Inbound;
import org.steady.chat.InboundInterceptor.Replies;
import org.steady.chat.PatientRef;
import org.steady.engine.Effect;

/**
 * {@code /contacts} for the patient (list in alert order, what each may see, unlink, move up,
 * consent toggles) and {@code /unlink} for a contact. Either side can unlink at any time; the
 * other side is told.
 */
@Component
class ContactsMenu {
  private final CareContacts contacts;
  private final CareNotices notices;
  private final PatientDirectory directory;

  ContactsMenu(CareContacts contacts, CareNotices notices, PatientDirectory directory) {
    this.contacts = contacts;
    this.notices = notices;
    this.directory = directory;
  }

  static List<List<Effect.Button>> consentRows(String id) {
    return List.of(
        List.of(new Effect.Button("Share answers: yes", "share:" + id + ":y"),
            new Effect.Button("Share answers: no", "share:" + id + ":n")),
        List.of(new Effect.Button("Weekly summary: yes", "weekly:" + id + ":y"),
            new Effect.Button("Weekly summary: no", "weekly:" + id + ":n")));
  }

  void list(Optional<PatientRef> patient, Replies replies) {
    List<CareContact> all = patient.map(p -> contacts.active(p.patientId())).orElse(List.of());
    if (all.isEmpty()) {
      replies.text("You have no care contacts yet. Send /invite to create a link code.");
      return;
    }
    StringBuilder b = new StringBuilder("Your care contacts, in the order they are alerted:");
    List<List<Effect.Button>> rows = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      CareContact c = all.get(i);
      b.append("\n").append(i + 1).append(". ").append(c.displayName())
          .append(c.role() == null ? "" : " (" + c.role().label() + ")")
          .append(" — alerts: yes; answers behind an alert: ").append(yesNo(c.sharesAnswers()))
          .append("; weekly summary: ").append(yesNo(c.weeklySummary()));
      List<Effect.Button> row = new ArrayList<>();
      row.add(new Effect.Button("Unlink " + c.displayName(), "unlink:" + c.id()));
      if (i > 0) {
        row.add(new Effect.Button("Move up", "up:" + c.id()));
      }
      rows.add(row);
      rows.add(List.of(
          new Effect.Button("Answers " + (c.sharesAnswers() ? "off" : "on"),
              "share:" + c.id() + (c.sharesAnswers() ? ":n" : ":y")),
          new Effect.Button("Summary " + (c.weeklySummary() ? "off" : "on"),
              "weekly:" + c.id() + (c.weeklySummary() ? ":n" : ":y"))));
    }
    replies.buttons(b.toString(), rows);
  }

  void unlinkCommand(Inbound in, Replies replies) {
    List<CareContact> mine = contacts.activeForChat(in.channel(), in.chatId());
    if (mine.isEmpty()) {
      replies.text("You are not linked as anyone's care contact. To remove one of your own"
          + " contacts, send /contacts.");
      return;
    }
    List<List<Effect.Button>> rows = new ArrayList<>();
    for (CareContact c : mine) {
      String who = directory.find(c.patientId()).map(PatientDirectory.Info::displayName)
          .orElse("a Steady user");
      rows.add(List.of(new Effect.Button("Stop supporting " + who, "unlink:" + c.id())));
    }
    replies.buttons("Which link do you want to end?", rows);
  }

  void unlinkButton(Inbound in, Optional<PatientRef> patient, String id, Replies replies) {
    Optional<CareContact> c = contacts.byId(id);
    boolean byPatient = c.isPresent() && patient.isPresent()
        && c.get().patientId().equals(patient.get().patientId());
    boolean byContact = c.isPresent() && LinkFlow.sameChat(c.get(), in);
    if (!byPatient && !byContact) {
      replies.text("This button is no longer valid.");
      return;
    }
    CareContact contact = c.get();
    if (!contacts.unlink(id)) {
      replies.text("This link has already ended.");
      return;
    }
    if (byPatient) {
      notices.toContact(in, "unlinked", contact, "You are no longer a care contact for "
          + directory.find(contact.patientId()).map(PatientDirectory.Info::displayName)
              .orElse("this person") + ". Thank you for your support.");
      replies.text(contact.displayName() + " is unlinked and will receive nothing more.");
    } else {
      int colon = contact.patientId().indexOf(':');
      notices.toPatient(in, "unlinked", contact.patientId(),
          contact.patientId().substring(0, colon), contact.patientId().substring(colon + 1),
          contact.displayName() + " has ended their link as your care contact. You can invite"
              + " someone with /invite.", List.of());
      replies.text("Your link has ended. You will receive nothing more about this person.");
    }
  }

  void consent(Optional<PatientRef> patient, String id, String field, boolean on,
      Replies replies) {
    Optional<CareContact> c = contacts.byId(id)
        .filter(x -> patient.isPresent() && x.patientId().equals(patient.get().patientId()));
    if (c.isEmpty() || !contacts.setConsent(id, field, on)) {
      replies.text("This button is no longer valid.");
      return;
    }
    String what = field.equals("sharesAnswers") ? "see the answers behind an alert"
        : "receive a weekly summary";
    replies.text("Saved: " + c.get().displayName() + (on ? " will " : " will not ") + what + ".");
  }

  void moveUp(Optional<PatientRef> patient, String id, Replies replies) {
    Optional<CareContact> c = contacts.byId(id)
        .filter(x -> patient.isPresent() && x.patientId().equals(patient.get().patientId()));
    if (c.isEmpty() || !contacts.moveUp(id)) {
      replies.text("This button is no longer valid.");
      return;
    }
    list(patient, replies);
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }
}
