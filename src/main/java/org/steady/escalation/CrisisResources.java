package org.steady.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.steady.care.PatientDirectory;

/**
 * Picks the crisis lines for a patient and words the message. Candidates, most specific first:
 * the profile's {@code country} and full locale tag (e.g. {@code es-MX}), the time zone, then
 * {@code default}. For each candidate the first configured entry that matches wins, so list
 * Europe/London (Samaritans) before Europe/* (112).
 */
@Component
public class CrisisResources {
  private final List<EscalationProperties.CrisisEntry> entries;

  public CrisisResources(EscalationProperties props) {
    this.entries = props.crisisResources();
  }

  public List<String> linesFor(PatientDirectory.Info p) {
    for (String candidate : candidates(p)) {
      for (EscalationProperties.CrisisEntry e : entries) {
        if (e.match().stream().anyMatch(m -> matches(m, candidate))) {
          return e.lines();
        }
      }
    }
    return List.of("Call your local emergency number now.");
  }

  /** The message the patient gets at once; warm, short, no advice beyond reaching out. */
  public String message(PatientDirectory.Info p) {
    boolean es = language(p).equals("es");
    StringBuilder b = new StringBuilder(es
        ? "No tienes que pasar por esto a solas. Si estás en peligro o piensas en hacerte daño,"
            + " por favor pide ayuda ahora:"
        : "You don't have to face this alone. If you are in danger or thinking about harming"
            + " yourself, please reach out now:");
    for (String line : linesFor(p)) {
      b.append("\n• ").append(line);
    }
    b.append(es ? "\nSi puedes, díselo también a alguien de confianza."
        : "\nIf you can, tell someone you trust as well.");
    return b.toString();
  }

  static List<String> candidates(PatientDirectory.Info p) {
    List<String> out = new ArrayList<>();
    Map<String, Object> profile = p.profile();
    String lang = language(p);
    Object country = profile.get("country");
    if (country instanceof String && !((String) country).isBlank()) {
      out.add(lang + "-" + country);
      out.add((String) country);
    }
    Object tag = profile.get("locale");
    if (tag instanceof String && ((String) tag).contains("-")) {
      out.add((String) tag);
    }
    if (p.locale().contains("-")) {
      out.add(p.locale());
    }
    out.add(p.zone().getId());
    out.add("default");
    return out;
  }

  private static String language(PatientDirectory.Info p) {
    String l = p.locale().toLowerCase(Locale.ROOT);
    int dash = l.indexOf('-');
    return dash > 0 ? l.substring(0, dash) : l;
  }

  static boolean matches(String pattern, String candidate) {
    if (pattern.endsWith("*")) {
      String prefix = pattern.substring(0, pattern.length() - 1);
      return candidate.regionMatches(true, 0, prefix, 0, prefix.length());
    }
    return pattern.equalsIgnoreCase(candidate.replace('_', '-'))
        || pattern.equalsIgnoreCase(candidate);
  }
}
