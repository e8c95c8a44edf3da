package org.steady.escalation;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code steady.escalation} (see application.yml; each has an environment
 * override).
 *
 * @param dedupWindow the same patient and rule within this window alert no one again
 * @param urgentAckTimeout no acknowledgement within this time alerts the next contact (urgent)
 * @param concernAckTimeout the same for concern
 * @param tick how often due re-escalations are looked for
 * @param claimLease how long one instance holds an escalation while alerting its next contact
 * @param staffChat last resort when no contact acknowledged; unset means none
 * @param crisisResources crisis lines, first match wins (see {@link CrisisResources})
 */
@ConfigurationProperties("steady.escalation")
public record EscalationProperties(
    @Nullable Duration dedupWindow,
    @Nullable Duration urgentAckTimeout,
    @Nullable Duration concernAckTimeout,
    @Nullable Duration tick,
    @Nullable Duration claimLease,
    @Nullable StaffChat staffChat,
    @Nullable List<CrisisEntry> crisisResources) {

  public EscalationProperties {
    dedupWindow = dedupWindow == null ? Duration.ofHours(12) : dedupWindow;
    urgentAckTimeout = urgentAckTimeout == null ? Duration.ofMinutes(15) : urgentAckTimeout;
    concernAckTimeout = concernAckTimeout == null ? Duration.ofHours(12) : concernAckTimeout;
    tick = tick == null ? Duration.ofSeconds(10) : tick;
    claimLease = claimLease == null ? Duration.ofMinutes(1) : claimLease;
    crisisResources = crisisResources == null || crisisResources.isEmpty()
        ? List.of(new CrisisEntry(List.of("default"),
            List.of("Call your local emergency number now.")))
        : List.copyOf(crisisResources);
  }

  /** Defaults only, for tests and tools. */
  public static EscalationProperties defaults() {
    return new EscalationProperties(null, null, null, null, null, null, null);
  }

  /** The staff alert chat; configured when both parts are non-blank. */
  public record StaffChat(@Nullable String channel, @Nullable String chatId) {
    public boolean configured() {
      return channel != null && !channel.isBlank() && chatId != null && !chatId.isBlank();
    }
  }

  /**
   * Crisis lines for the patients {@code match}ed: a locale tag ({@code en-US}), a country
   * ({@code MX}), an IANA zone ({@code Europe/Madrid}), a zone prefix ({@code Europe/*}), or
   * {@code default}.
   */
  public record CrisisEntry(List<String> match, List<String> lines) {
    public CrisisEntry {
      match = match == null ? List.of() : List.copyOf(match);
      lines = lines == null ? List.of() : List.copyOf(lines);
    }
  }
}
