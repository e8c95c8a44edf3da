package org.steady.care;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Short ids and codes from an alphabet without look-alikes (no 0/O, 1/I/L), so that people can
 * read a code aloud and button data stays short. {@link #derived} gives the same id for the same
 * input, which keeps replays of an inbound event idempotent.
 */
public final class ShortIds {
  public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ShortIds() {}

  public static String random(int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  /** A short id derived from {@code input} (SHA-256, mapped onto the alphabet). */
  public static String derived(String input, int length) {
    byte[] h = sha256(input);
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(ALPHABET.charAt((h[i] & 0xff) % ALPHABET.length()));
    }
    return b.toString();
  }

  public static String sha256Hex(String input) {
    StringBuilder b = new StringBuilder();
    for (byte x : sha256(input)) {
      b.append(String.format("%02x", x));
    }
    return b.toString();
  }

  private static byte[] sha256(String input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing", e);
    }
  }
}
