package org.steady.engine;

/** How worrying an escalation is. Wire names are the lower-case constant names. */
public enum Severity {
  INFO,
  CONCERN,
  URGENT;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Severity fromWire(String s) {
    return valueOf(s.toUpperCase(java.util.Locale.ROOT));
  }
}
