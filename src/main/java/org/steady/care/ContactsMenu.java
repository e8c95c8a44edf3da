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
 * other side is told. The patient reads their side in their language ({@link CareTexts}); a
 * contact's side is in English.
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

  static List<List<Effect.Button>> consentRows(String id, String locale) {
    return List.of(
        List.of(new Effect.Button(CareTexts.get("share_yes", locale), "share:" + id + ":y"),
            new Effect.Button(CareTexts.get("share_no", locale), "share:" + id + ":n")),
        List.of(new Effect.Button(CareTexts.get("weekly_yes", locale), "weekly:" + id + ":y"),
            new Effect.Button(CareTexts.get("weekly_no", locale), "weekly:" + id + ":n")));
  }

  void list(Optional<PatientRef> patient, Replies replies) {
    List<CareContact> all = patient.map(p -> contacts.active(p.patientId())).orElse(List.of());
    String l = locale(patient);
    if (all.isEmpty()) {
      replies.text(CareTexts.get("list_empty", l));
      return;
    }
    StringBuilder b = new StringBuilder(CareTexts.get("list_head", l));
    List<List<Effect.Button>> rows = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      CareContact c = all.get(i);
      String name = CareTexts.name(c, l);
      b.append("\n").append(i + 1).append(". ").append(name)
          .append(c.role() == null ? "" : " (" + CareTexts.role(c.role(), l) + ")")
          .append(CareTexts.get("list_item", l, "answers", yesNo(c.sharesAnswers(), l),
              "weekly", yesNo(c.weeklySummary(), l)));
      List<Effect.Button> row = new ArrayList<>();
      row.add(new Effect.Button(CareTexts.get("unlink", l, "name", name), "unlink:" + c.id()));
      if (i > 0) {
        row.add(new Effect.Button(CareTexts.get("move_up", l), "up:" + c.id()));
      }
      rows.add(row);
      rows.add(List.of(
          new Effect.Button(CareTexts.get(c.sharesAnswers() ? "answers_off" : "answers_on", l),
              "share:" + c.id() + (c.sharesAnswers() ? ":n" : ":y")),
          new Effect.Button(CareTexts.get(c.weeklySummary() ? "summary_off" : "summary_on", l),
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
    String l = byPatient || !byContact ? locale(patient) : "en";
    if (!byPatient && !byContact) {
      replies.text(CareTexts.get("invalid", l));
      return;
    }
    CareContact contact = c.get();
    if (!contacts.unlink(id)) {
      replies.text(byPatient ? CareTexts.get("already_ended", l) : "This link has already ended.");
      return;
    }
    if (byPatient) {
      notices.toContact(in, "unlinked", contact, "You are no longer a care contact for "
          + directory.find(contact.patientId()).map(PatientDirectory.Info::displayName)
              .orElse("this person") + ". Thank you for your support.");
      replies.text(CareTexts.get("unlinked", l, "name", CareTexts.name(contact, l)));
    } else {
      int colon = contact.patientId().indexOf(':');
      String pl = directory.find(contact.patientId()).map(PatientDirectory.Info::locale)
          .orElse("en");
      notices.toPatient(in, "unlinked", contact.patientId(),
          contact.patientId().substring(0, colon), contact.patientId().substring(colon + 1),
          CareTexts.get("contact_ended", pl, "name", CareTexts.name(contact, pl)), List.of());
      replies.text("Your link has ended. You will receive nothing more about this person.");
    }
  }

  void consent(Optional<PatientRef> patient, String id, String field, boolean on,
      Replies replies) {
    Optional<CareContact> c = contacts.byId(id)
        .filter(x -> patient.isPresent() && x.patientId().equals(patient.get().patientId()));
    String l = locale(patient);
    if (c.isEmpty() || !contacts.setConsent(id, field, on)) {
      replies.text(CareTexts.get("invalid", l));
      return;
    }
    replies.text(CareTexts.get("saved_" + field + (on ? "_on" : "_off"), l,
        "name", CareTexts.name(c.get(), l)));
  }

  void moveUp(Optional<PatientRef> patient, String id, Replies replies) {
    Optional<CareContact> c = contacts.byId(id)
        .filter(x -> patient.isPresent() && x.patientId().equals(patient.get().patientId()));
    if (c.isEmpty() || !contacts.moveUp(id)) {
      replies.text(CareTexts.get("invalid", locale(patient)));
      return;
    }
    list(patient, replies);
  }

  private static String yesNo(boolean b, String locale) {
    return CareTexts.get(b ? "yes" : "no", locale);
  }

  /** The sender's language if they are a patient; else English (a contact's is not known). */
  private static String locale(Optional<PatientRef> patient) {
    return patient.map(PatientRef::locale).orElse("en");
  }
}
