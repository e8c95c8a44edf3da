package org.steady.app;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code steady.*} (see {@code application.yml}, where each has its environment
 * variable). Other features bind their own records under {@code steady.telegram},
 * {@code steady.schedule}, {@code steady.escalation}.
 *
 * @param dataDir where the embedded store keeps its file ({@code STEADY_DATA_DIR})
 * @param conversationsDir the YAML scripts ({@code STEADY_CONVERSATIONS_DIR})
 * @param adminToken bearer token for the staff/admin API ({@code STEADY_ADMIN_TOKEN})
 * @param requireReviewed refuse scripts still marked draft ({@code STEADY_REQUIRE_REVIEWED})
 * @param onboardingScript script a new local patient starts with
 * @param telegram Telegram connection; an empty bot token means local mode
 */
@ConfigurationProperties("steady")
public record SteadyProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("./conversations") Path conversationsDir,
    @DefaultValue("") String adminToken,
    @DefaultValue("false") boolean requireReviewed,
    @DefaultValue("onboarding") String onboardingScript,
    @DefaultValue Telegram telegram) {

  /** {@code TELEGRAM_*}: token, Bot API base URL, webhook URL and secret. */
  public record Telegram(
      @DefaultValue("") String botToken,
      @DefaultValue("https://api.telegram.org") String apiUrl,
      @DefaultValue("") String webhookUrl,
      @DefaultValue("") String webhookSecret) {}

  /** Local mode: no bot token, so the local chat page and API are on. */
  public boolean localMode() {
    return telegram.botToken().isBlank();
  }
}
