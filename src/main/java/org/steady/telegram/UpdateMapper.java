package org.steady.telegram;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.steady.chat.Inbound;
import org.steady.engine.PatientText;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Turns one Telegram {@link Update} into what Steady does with it, without side effects. Private
 * chats only: edited messages, channel posts and anything else are ignored; a command in a group
 * gets a one-line notice. Button data is verified with {@link CallbackData}; forged data is
 * dropped and the press answered politely. The one exception to "private chats only" is the staff
 * alert chat, which is usually a group: its members press the alert buttons there.
 */
final class UpdateMapper {
  static final String CHANNEL = "telegram";
  /** Payload of the single button left on a closed question: pressing it does nothing. */
  static final String CLOSED = "closed";
  static final String FORGED_ANSWER = "Sorry, that button no longer works.";
  static final String GROUP_NOTICE =
      "Steady works in private chats only. Open a private chat with me to start.";

  /** Button payloads a staff group may send: the alert buttons (see escalation.AlertTexts). */
  private static final List<String> ALERT_PAYLOADS = List.of("ack:", "contacted:");

  private final CallbackData callbacks;
  private final Set<String> staffChats;

  UpdateMapper(CallbackData callbacks) {
    this(callbacks, Set.of());
  }

  /** @param staffChats group chats whose members may press alert buttons (the staff chat) */
  UpdateMapper(CallbackData callbacks, Set<String> staffChats) {
    this.callbacks = callbacks;
    this.staffChats = Set.copyOf(staffChats);
  }

  /** What to do with one update; every field may be null (nothing to do). */
  record Mapped(
      @Nullable Inbound inbound,
      @Nullable String callbackId,
      @Nullable String callbackAnswer,
      @Nullable String noticeChatId,
      @Nullable String notice) {
    static final Mapped NOTHING = new Mapped(null, null, null, null, null);
  }

  Mapped map(Update update, Instant now) {
    String id = String.valueOf(update.getUpdateId());
    if (update.hasCallbackQuery()) {
      return button(id, update.getCallbackQuery(), now);
    }
    if (!update.hasMessage()) {
      return Mapped.NOTHING; // edited messages, channel posts, member updates, polls, ...
    }
    Message m = update.getMessage();
    User from = m.getFrom();
    if (from == null || Boolean.TRUE.equals(from.getIsBot()) || m.getChat() == null) {
      return Mapped.NOTHING;
    }
    if (!m.getChat().isUserChat()) {
      return m.isCommand()
          ? new Mapped(null, null, null, String.valueOf(m.getChatId()), GROUP_NOTICE)
          : Mapped.NOTHING;
    }
    return new Mapped(message(id, m, from, now), null, null, null, null);
  }

  private Inbound message(String id, Message m, User from, Instant now) {
    String chatId = String.valueOf(m.getChatId());
    Instant at = m.getDate() == null ? now : Instant.ofEpochSecond(m.getDate());
    String name = from.getFirstName();
    String lang = from.getLanguageCode();
    if (!m.hasText()) {
      return new Inbound(CHANNEL, chatId, id, Inbound.Kind.UNSUPPORTED, null, null, "", null,
          name, lang, at);
    }
    String text = m.getText();
    Optional<MessageEntity> command = leadingCommand(m);
    if (command.isPresent()) {
      int end = command.get().getOffset() + command.get().getLength();
      String name0 = text.substring(1, Math.min(end, text.length()));
      int at0 = name0.indexOf('@');
      String cmd = (at0 >= 0 ? name0.substring(0, at0) : name0).toLowerCase(Locale.ROOT);
      String arg = end >= text.length() ? "" : text.substring(end).trim();
      return new Inbound(CHANNEL, chatId, id, Inbound.Kind.COMMAND, null, cmd, arg, null, name,
          lang, at);
    }
    return new Inbound(CHANNEL, chatId, id, Inbound.Kind.TEXT, new PatientText(text), null, "",
        null, name, lang, at);
  }

  private static Optional<MessageEntity> leadingCommand(Message m) {
    if (m.getEntities() == null) {
      return Optional.empty();
    }
    return m.getEntities().stream()
        .filter(e -> "bot_command".equals(e.getType()) && e.getOffset() == 0 && e.getLength() > 1)
        .findFirst();
  }

  private Mapped button(String id, CallbackQuery q, Instant now) {
    String queryId = q.getId();
    User from = q.getFrom();
    if (q.getMessage() == null || q.getData() == null || from == null) {
      return new Mapped(null, queryId, null, null, null); // e.g. inline-mode or game buttons
    }
    String chatId = String.valueOf(q.getMessage().getChatId());
    boolean group = q.getMessage().getChat() != null && !q.getMessage().getChat().isUserChat();
    if (group && !staffChats.contains(chatId)) {
      return new Mapped(null, queryId, GROUP_NOTICE, null, null);
    }
    Optional<String> payload = callbacks.verify(chatId, q.getData());
    if (payload.isEmpty()) {
      return new Mapped(null, queryId, FORGED_ANSWER, null, null);
    }
    if (group && ALERT_PAYLOADS.stream().noneMatch(payload.get()::startsWith)) {
      return new Mapped(null, queryId, GROUP_NOTICE, null, null);
    }
    if (CLOSED.equals(payload.get())) {
      return new Mapped(null, queryId, null, null, null);
    }
    Inbound inbound = new Inbound(CHANNEL, chatId, id, Inbound.Kind.BUTTON, null, null, "",
        payload.get(), from.getFirstName(), from.getLanguageCode(), now);
    return new Mapped(inbound, queryId, null, null, null);
  }
}
