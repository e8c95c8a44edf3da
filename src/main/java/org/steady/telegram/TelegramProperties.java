package org.steady.telegram;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code steady.telegram.*}. An empty {@code botToken} means Telegram is off (local mode).
 *
 * @param apiUrl Bot API base URL ({@code TELEGRAM_API_URL}); a test fake or a self-hosted server
 * @param webhookUrl public HTTPS URL of {@code /telegram/webhook}; empty means long polling
 * @param webhookSecret required with a webhook; Telegram echoes it in a header we check
 * @param messagesPerSecond overall outbound limit (Telegram: about 30/s)
 * @param perChatPerSecond outbound limit per chat (Telegram: about 1/s)
 * @param perGroupPerMinute outbound limit per group chat, e.g. the staff chat (Telegram: 20/min)
 * @param pollTimeoutSeconds long-poll timeout of getUpdates
 */
@ConfigurationProperties("steady.telegram")
public record TelegramProperties(
    String botToken,
    String apiUrl,
    String webhookUrl,
    String webhookSecret,
    double messagesPerSecond,
    double perChatPerSecond,
    double perGroupPerMinute,
    int pollTimeoutSeconds) {

  public TelegramProperties {
    botToken = botToken == null ? "" : botToken.trim();
    apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.telegram.org" : apiUrl.trim();
    webhookUrl = webhookUrl == null ? "" : webhookUrl.trim();
    webhookSecret = webhookSecret == null ? "" : webhookSecret.trim();
    messagesPerSecond = messagesPerSecond <= 0 ? 30 : messagesPerSecond;
    perChatPerSecond = perChatPerSecond <= 0 ? 1 : perChatPerSecond;
    perGroupPerMinute = perGroupPerMinute <= 0 ? 20 : perGroupPerMinute;
    pollTimeoutSeconds = pollTimeoutSeconds <= 0 ? 50 : pollTimeoutSeconds;
  }

  public boolean webhookMode() {
    return !webhookUrl.isEmpty();
  }

  @Override
  public String toString() {
    return "TelegramProperties[apiUrl=" + apiUrl + ", webhook=" + webhookMode() + "]";
  }
}
