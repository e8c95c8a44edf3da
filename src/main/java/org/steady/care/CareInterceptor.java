package org.steady.care;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.steady.chat.Inbound;
import org.steady.chat.InboundInterceptor;
import org.steady.chat.PatientRef;

/**
 * Routes care commands and buttons. Runs before the engine and before onboarding (a low
 * {@link #order()}): {@code /start CODE} from an invite link must link a contact, not start a
 * patient's onboarding. Every other {@code /start} passes through.
 */
@Component
public class CareInterceptor implements InboundInterceptor {
  private final LinkFlow link;
  private final ContactsMenu menu;

  CareInterceptor(LinkFlow link, ContactsMenu menu) {
    this.link = link;
    this.menu = menu;
  }

  /** Wires the care commands by hand (tools and tests without Spring). */
  public static CareInterceptor of(InviteCodes codes, LinkAttempts attempts,
      CareContacts contacts, PatientDirectory directory, org.steady.chat.Outbox outbox,
      String botUsername) {
    CareNotices notices = new CareNotices(outbox);
    return new CareInterceptor(
        new LinkFlow(codes, attempts, contacts, directory, notices, botUsername),
        new ContactsMenu(contacts, notices, directory));
  }

  @Override
  public int order() {
    return -100;
  }

  @Override
  public boolean intercept(Inbound in, Optional<PatientRef> patient, Replies replies) {
    if (in.kind() == Inbound.Kind.COMMAND) {
      return command(in, patient, replies);
    }
    if (in.kind() == Inbound.Kind.BUTTON && in.callbackData() != null
        && !in.callbackData().contains("|")) {
      return button(in, patient, in.callbackData(), replies);
    }
    return false;
  }

  private boolean command(Inbound in, Optional<PatientRef> patient, Replies replies) {
    String arg = in.argument().trim();
    switch (in.command()) {
      case "invite":
        link.invite(in, patient, replies);
        return true;
      case "start":
        if (!InviteCodes.looksLikeCode(arg)) {
          return false;
        }
        link.redeem(in, arg, replies);
        return true;
      case "link":
        if (arg.isEmpty()) {
          replies.text("Please send the code you were given, like this: /link ABCD234567");
        } else {
          link.redeem(in, arg, replies);
        }
        return true;
      case "contacts":
        menu.list(patient, replies);
        return true;
      case "unlink":
        menu.unlinkCommand(in, replies);
        return true;
      default:
        return false;
    }
  }

  private boolean button(Inbound in, Optional<PatientRef> patient, String data,
      Replies replies) {
    String[] p = data.split(":", -1);
    if (p.length < 2 || p[1].isEmpty()) {
      return false;
    }
    switch (p[0]) {
      case "role":
        link.role(in, p[1], p.length > 2 ? p[2] : "", replies);
        return true;
      case "approve":
      case "decline":
        link.decide(in, patient, p[1], p[0].equals("approve"), replies);
        return true;
      case "unlink":
        menu.unlinkButton(in, patient, p[1], replies);
        return true;
      case "up":
        menu.moveUp(patient, p[1], replies);
        return true;
      case "share":
      case "weekly":
        menu.consent(patient, p[1], p[0].equals("share") ? "sharesAnswers" : "weeklySummary",
            p.length > 2 && p[2].equals("y"), replies);
        return true;
      default:
        return false;
    }
  }
}
