package org.steady.chat;

import java.time.Instant;
import java.util.Objects;
import org.steady.engine.PatientText;

/**
 * One thing a person did in a channel, channel-neutral. The channel adapter builds it from a
 * Telegram update or a local-chat request and hands it to {@link InboundHandler#accept}, which
 * stores it in the inbox (idempotent on {@link #id()}) before anything else happens.
 *
 * @param channel {@code "telegram"} or {@code "local"}
 * @param chatId the chat in that channel (Telegram chat id, local patient id)
 * @param externalId unique per channel (Telegram {@code update_id}; a UUID for local)
 * @param kind what it is
 * @param text typed text (kind TEXT), null otherwise
 * @param command command name without slash and bot suffix (kind COMMAND), e.g. "checkin"
 * @param argument command argument or deep-link parameter, "" if none
 * @param callbackData button data in channel-neutral form (kind BUTTON): {@code
 *     <questionToken>|<value>} for an engine question's button, or the bare value for a
 *     feature's own button (e.g. {@code ack:<escalationId>}). A channel may wrap it (Telegram
 *     signs it) but must unwrap it here and drop forged data.
 * @param displayName the person's first name as the channel knows it, may be null
 * @param languageCode the person's client language (e.g. "en", "es"), may be null
 * @param at when the channel says it happened
 */
public record Inbound(
    String channel,
    String chatId,
    String externalId,
    Kind kind,
    PatientText text,
    String command,
    String argument,
    String callbackData,
    String displayName,
    String languageCode,
    Instant at) {

  public Inbound {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(chatId, "chatId");
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    argument = argument == null ? "" : argument;
  }

  /** Inbox key: unique per channel event, so a redelivered update is a duplicate-key no-op. */
  public String id() {
    return channel + ":" + externalId;
  }

  public enum Kind {
    TEXT,
    COMMAND,
    BUTTON,
    /** stickers, photos, voice, files: answered with a short helpful reply */
    UNSUPPORTED,
    /**
     * Internal: start script {@code command} for this chat (daily check-in due, reminder of a
     * taper step). The schedule builds the external id from patient, local date and slot, so
     * the inbox's unique key makes an occurrence fire once even across instances.
     */
    START,
    /** Internal: engine timer {@code argument} is due (external id {@code timer:<timerId>}). */
    TIMER
  }
}
