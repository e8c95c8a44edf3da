package org.steady.escalation;

import java.time.Duration;
import java.util.List;

/** Escalation settings as application.yml ships them, with an optional staff chat. */
final class TestProps {
  private TestProps() {}

  static EscalationProperties withStaff(String staffChatId) {
    return new EscalationProperties(Duration.ofHours(12), Duration.ofMinutes(15),
        Duration.ofHours(12), Duration.ofSeconds(10), Duration.ofMinutes(1),
        new EscalationProperties.StaffChat(staffChatId == null ? null : "local", staffChatId),
        List.of(
            entry(List.of("en-US", "US", "America/New_York", "America/Chicago",
                "America/Denver", "America/Los_Angeles"),
                "988 Suicide & Crisis Lifeline: call or text 988", "Emergency: 911"),
            entry(List.of("en-GB", "GB", "en-IE", "IE", "Europe/London", "Europe/Dublin"),
                "Samaritans: call 116 123 (free, 24/7)", "Emergency: 999 or 112"),
            entry(List.of("es-ES", "ES", "Europe/Madrid"),
                "Línea 024 de atención a la conducta suicida: llama al 024", "Emergencias: 112"),
            entry(List.of("es-MX", "MX", "America/Mexico_City"),
                "Línea de la Vida: 800 911 2000", "Emergencias: 911"),
            entry(List.of("EU", "Europe/*"), "Emergency: 112"),
            entry(List.of("default"), "Call your local emergency number now.")));
  }

  static EscalationProperties noStaff() {
    return withStaff(null);
  }

  private static EscalationProperties.CrisisEntry entry(List<String> match, String... lines) {
    return new EscalationProperties.CrisisEntry(match, List.of(lines));
  }
}
