package org.steady.care;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.steady.chat.Inbound;
import org.steady.chat.InboundInterceptor.Replies;
import org.steady.chat.PatientRef;
import org.steady.engine.Effect;

/**
 * Linking a care contact: the patient's {@code /invite} makes a code, the contact redeems it
 * ({@code /start CODE} from the deep link, or {@code /link CODE}), says who they are, and the
 * patient confirms. Nothing is shared before the patient confirmed. The patient reads their
 * side in their language ({@link CareTexts}); the contact's side is in English.
 */
@Component
class LinkFlow {
  private final InviteCodes codes;
  private final LinkAttempts attempts;
  private final CareContacts contacts;
  private final PatientDirectory directory;
  private final CareNotices notices;
  private final String botUsername;

  LinkFlow(InviteCodes codes, LinkAttempts attempts, CareContacts contacts,
      PatientDirectory directory, CareNotices notices,
      @Value("${steady.telegram.bot-username:}") String botUsername) {
    this.codes = codes;
    this.attempts = attempts;
    this.contacts = contacts;
    this.directory = directory;
    this.notices = notices;
    this.botUsername = botUsername;
  }

  void invite(Inbound in, Optional<PatientRef> patient, Replies replies) {
    if (patient.isEmpty()) {
      replies.text("Please send /start first to set up your own check-ins; then you can invite"
          + " a care contact.");
      return;
    }
    String l = patient.get().locale();
    String code = codes.create(patient.get().patientId());
    String link = "telegram".equals(in.channel()) && !botUsername.isBlank()
        ? CareTexts.get("invite_link", l, "url", "https://t.me/" + botUsername + "?start=" + code)
        : "";
    replies.text(CareTexts.get("invite", l, "code", code, "link", link));
  }

  void redeem(Inbound in, String code, Replies replies) {
    String chatKey = in.channel() + ":" + in.chatId();
    String contactId = ShortIds.derived(in.id(), 10);
    Optional<CareContact> replay = contacts.byId(contactId);
    if (replay.isPresent()) {
      askRole(replay.get(), replies);
      return;
    }
    if (attempts.blocked(chatKey)) {
      replies.text("Too many wrong codes. Please wait 15 minutes and try again.");
      return;
    }
    InviteCodes.Redemption r = codes.redeem(code, chatKey);
    if (r.status() == InviteCodes.Status.OWN) {
      replies.text("This is your own invite code. Please give it to the person you want to"
          + " link; it still works for them.");
      return;
    }
    if (r.status() != InviteCodes.Status.OK) {
      boolean nowBlocked = attempts.failed(chatKey);
      replies.text(refusal(r.status()) + (nowBlocked
          ? " Too many wrong codes: please wait 15 minutes before trying again." : ""));
      return;
    }
    CareContact c = contacts.createPending(contactId, r.patientId(), in.channel(), in.chatId(),
        in.displayName());
    askRole(c, replies);
  }

  private static String refusal(InviteCodes.Status s) {
    switch (s) {
      case USED: return "This code has already been used. Please ask for a new one.";
      case EXPIRED: return "This code has expired (codes last 24 hours). Please ask for a new one.";
      default: return "This code is not valid. Please check it and try again.";
    }
  }

  private void askRole(CareContact c, Replies replies) {
    replies.buttons("Thank you. How do you support this person?", List.of(
        List.of(new Effect.Button("Clinician", "role:" + c.id() + ":clinician")),
        List.of(new Effect.Button("Family member", "role:" + c.id() + ":family")),
        List.of(new Effect.Button("Peer supporter", "role:" + c.id() + ":peer"))));
  }

  void role(Inbound in, String contactId, String role, Replies replies) {
    Optional<CareContact> c = contacts.byId(contactId).filter(x -> sameChat(x, in));
    CareContact.Role r = parseRole(role);
    if (c.isEmpty() || r == null) {
      replies.text("This button is no longer valid.");
      return;
    }
    if (contacts.setRole(contactId, r)) {
      CareContact contact = c.get();
      PatientDirectory.Info p = patientOf(contact);
      String l = p.locale();
      notices.toPatient(in, "approve", contact.patientId(), p.channel(), p.chatId(),
          CareTexts.get("approve_ask", l, "name", CareTexts.name(contact, l),
              "role", CareTexts.role(r, l)),
          List.of(List.of(new Effect.Button(CareTexts.get("approve", l), "approve:" + contactId),
              new Effect.Button(CareTexts.get("decline", l), "decline:" + contactId))));
    }
    replies.text("Thank you. We have asked them to confirm; you will hear from us when they do.");
  }

  void decide(Inbound in, Optional<PatientRef> patient, String contactId, boolean approve,
      Replies replies) {
    Optional<CareContact> c = contacts.byId(contactId)
        .filter(x -> patient.isPresent() && x.patientId().equals(patient.get().patientId()));
    String l = patient.map(PatientRef::locale).orElse("en");
    if (c.isEmpty()) {
      replies.text(CareTexts.get("invalid", l));
      return;
    }
    CareContact contact = c.get();
    boolean changed = approve ? contacts.approve(contactId, contact.patientId())
        : contacts.decline(contactId);
    if (!changed) {
      replies.text(CareTexts.get("already_answered", l));
      return;
    }
    if (!approve) {
      notices.toContact(in, "declined", contact, "The link request was not confirmed.");
      replies.text(CareTexts.get("declined", l, "name", CareTexts.name(contact, l)));
      return;
    }
    String who = patientOf(contact).displayName();
    notices.toContact(in, "linked", contact, "You are now a care contact for " + who
        + ". You will receive an alert here if one of their answers is worrying. Send /unlink"
        + " to stop at any time.");
    replies.buttons(CareTexts.get("linked", l, "name", CareTexts.name(contact, l)),
        ContactsMenu.consentRows(contactId, l));
  }

  private PatientDirectory.Info patientOf(CareContact c) {
    return directory.find(c.patientId()).orElseGet(() -> {
      int colon = c.patientId().indexOf(':');
      return new PatientDirectory.Info(c.patientId(), c.patientId().substring(0, colon),
          c.patientId().substring(colon + 1), null, "en", java.time.ZoneId.of("UTC"),
          java.util.Map.of());
    });
  }

  static boolean sameChat(CareContact c, Inbound in) {
    return c.channel().equals(in.channel()) && c.chatId().equals(in.chatId());
  }

  private static CareContact.Role parseRole(String s) {
    for (CareContact.Role r : CareContact.Role.values()) {
      if (r.wire().equals(s)) {
        return r;
      }
    }
    return null;
  }
}
