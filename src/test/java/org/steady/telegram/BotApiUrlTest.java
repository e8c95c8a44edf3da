package org.steady.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;

class BotApiUrlTest {

  @Test
  void readsSchemeHostAndPortWithDefaults() {
    TelegramUrl telegram = BotApiUrl.parse("https://api.telegram.org");
    assertThat(telegram.getSchema()).isEqualTo("https");
    assertThat(telegram.getHost()).isEqualTo("api.telegram.org");
    assertThat(telegram.getPort()).isEqualTo(443);
    assertThat(BotApiUrl.parse("http://127.0.0.1:8081/").getPort()).isEqualTo(8081);
  }

  @Test
  void refusesWhatTheLibraryCannotUse() {
    assertThatThrownBy(() -> BotApiUrl.parse("api.telegram.org"))
        .hasMessageContaining("TELEGRAM_API_URL");
    assertThatThrownBy(() -> BotApiUrl.parse("http://host:8081/prefix"))
        .hasMessageContaining("path");
    assertThatThrownBy(() -> BotApiUrl.parse("ftp://host"))
        .hasMessageContaining("TELEGRAM_API_URL");
  }
}
