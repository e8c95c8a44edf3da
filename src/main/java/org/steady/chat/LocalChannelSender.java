package org.steady.chat;

import org.springframework.stereotype.Component;

/**
 * Delivers channel {@code local}: writes the message into {@code local_messages}, where the local
 * chat page reads it. Idempotent on the outbox id, so a re-delivery after a crash is harmless.
 */
@Component
class LocalChannelSender implements ChannelSender {
  static final String CHANNEL = "local";

  private final LocalMessages messages;

  LocalChannelSender(LocalMessages messages) {
    this.messages = messages;
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  /** The page reads what this writes into the store, under the message's own id. */
  @Override
  public boolean leavesTheProcess() {
    return false;
  }

  @Override
  public Result deliver(Outgoing m) {
    switch (m.kind()) {
      case "send":
      case "photo":
        messages.outbound(m.id(), m.chatId(), m.text() == null ? "" : m.text(), m.buttons(),
            m.questionToken());
        return Result.sent(m.id());
      case "edit_buttons":
        messages.updateButtons(m.chatId(), m.questionToken(), m.buttons());
        return Result.sent(m.id());
      case "close":
        messages.close(m.chatId(), m.questionToken(), m.text());
        return Result.sent(m.id());
      default:
        return Result.failed("unknown outgoing kind " + m.kind());
    }
  }
}
