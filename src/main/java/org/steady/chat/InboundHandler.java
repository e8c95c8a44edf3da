package org.steady.chat;

/**
 * The one door into Steady for people's messages. {@link #accept} returns only after the inbound
 * event is durably stored in the inbox; processing (engine, effects, outbox) happens after that,
 * in order per chat, and is repeated for any inbox entry not marked processed (after a crash).
 */
public interface InboundHandler {

  /** Stores the event (a duplicate id is ignored) and schedules its processing. */
  void accept(Inbound inbound);

  /**
   * The same for many events at once (a minute's due check-ins): stored with one write, then
   * {@code beforeProcessing} runs (the scheduler moves its schedules on), then their processing
   * is queued, so the caller's own writes do not compete with it.
   */
  default void acceptAll(java.util.List<Inbound> events, Runnable beforeProcessing) {
    events.forEach(this::accept);
    beforeProcessing.run();
  }
}
