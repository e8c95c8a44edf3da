package org.steady.telegram;

import java.net.URI;
import org.telegram.telegrambots.meta.TelegramUrl;

/** Parses {@code TELEGRAM_API_URL} ({@code https://api.telegram.org}, {@code http://127.0.0.1:8081}). */
final class BotApiUrl {
  private BotApiUrl() {}

  static TelegramUrl parse(String url) {
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("TELEGRAM_API_URL is not a URL: " + url);
    }
    String scheme = uri.getScheme();
    if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
      throw new IllegalArgumentException(
          "TELEGRAM_API_URL must look like https://api.telegram.org or http://host:port, got: "
              + url);
    }
    if (uri.getPath() != null && !uri.getPath().isEmpty() && !"/".equals(uri.getPath())) {
      throw new IllegalArgumentException(
          "TELEGRAM_API_URL must not have a path (the library adds /bot<token>/...): " + url);
    }
    int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
    return new TelegramUrl(scheme, uri.getHost(), port, false);
  }
}
