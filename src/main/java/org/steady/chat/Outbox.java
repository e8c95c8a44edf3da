package org.steady.chat;

import java.util.List;
import org.steady.engine.Effect;

/**
 * The persistent outbox: every message Steady sends goes through it. {@link #enqueue} is
 * idempotent on {@code id} (a duplicate id is a no-op), so a replayed event never sends twice.
 * The relay claims entries with a lease, delivers them through the channel's
 * {@link ChannelSender}, retries with backoff, and takes {@code urgent} entries first (crisis
 * messages and alerts never wait behind a morning's check-ins).
 */
public interface Outbox {

  /**
   * @param id deterministic id, e.g. {@code <inbox id>:<effect index>} or
   *     {@code alert:<escalationId>:<contactId>}
   * @param patientId whose transcript it belongs to (null for staff/contact-only messages)
   * @param kind "send", "edit_buttons", "close", "photo" (see {@link ChannelSender.Outgoing})
   */
  void enqueue(
      String id,
      String patientId,
      String channel,
      String chatId,
      String kind,
      String text,
      List<List<Effect.Button>> buttons,
      String questionToken,
      boolean urgent);
}
