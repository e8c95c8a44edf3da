package org.steady.chat;

import java.util.Optional;

/**
 * A feature that handles some inbound events itself before the engine sees them: care-contact
 * commands (/invite, /link, /contacts), acknowledgement buttons, /pause, /resume, /settings,
 * /stop, /export, /delete. Spring beans of this type are asked in {@link #order()}; the first
 * that returns true consumes the event. Must be idempotent on {@link Inbound#id()}: an event can
 * be processed again after a crash.
 */
public interface InboundInterceptor {

  /** Lower runs first. */
  default int order() {
    return 0;
  }

  /**
   * @param patient the sender as a patient, if they are one (contacts may not be)
   * @return true if the event was handled and must not reach the engine
   */
  boolean intercept(Inbound inbound, Optional<PatientRef> patient, Replies replies);

  /** Lets an interceptor answer through the outbox with deterministic ids. */
  interface Replies {
    /** Queue a plain message to the sender of the inbound event. */
    void text(String text);

    /** Queue a message with buttons (callback data is channel-encoded by the sender). */
    void buttons(String text, java.util.List<java.util.List<org.steady.engine.Effect.Button>> rows);
  }
}
