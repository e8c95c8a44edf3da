package org.steady.telegram;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs button data so that a press can't be forged for another chat or question. Telegram gives
 * 64 bytes: {@code <payload>~<8 chars of base64url HMAC-SHA256(chatId + "\n" + payload)>}, keyed
 * by a secret derived from the bot token (so a new token invalidates old keyboards).
 *
 * <p>Example: payload {@code q7|good} in chat 42 becomes {@code q7|good~Xb3kQ0aZ}.
 */
final class CallbackData {
  static final int MAX_BYTES = 64;
  private static final int SIG_CHARS = 8;
  static final int MAX_PAYLOAD_BYTES = MAX_BYTES - SIG_CHARS - 1;

  private final byte[] key;

  CallbackData(String botToken) {
    this.key = hmac("steady-callback-data".getBytes(StandardCharsets.UTF_8),
        botToken.getBytes(StandardCharsets.UTF_8));
  }

  /** @throws IllegalArgumentException if the payload does not fit (no patient text in it) */
  String sign(String chatId, String payload) {
    int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException("button data is " + bytes + " bytes, at most "
          + MAX_PAYLOAD_BYTES + " fit in Telegram's 64-byte callback data");
    }
    return payload + "~" + signature(chatId, payload);
  }

  /** The payload if {@code raw} was signed by us for this chat; empty for forged or foreign data. */
  Optional<String> verify(String chatId, String raw) {
    int cut = raw.lastIndexOf('~');
    if (cut < 0 || raw.length() - cut - 1 != SIG_CHARS) {
      return Optional.empty();
    }
    String payload = raw.substring(0, cut);
    byte[] expected = signature(chatId, payload).getBytes(StandardCharsets.US_ASCII);
    byte[] given = raw.substring(cut + 1).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? Optional.of(payload) : Optional.empty();
  }

  private String signature(String chatId, String payload) {
    byte[] mac = hmac(key, (chatId + "\n" + payload).getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac).substring(0, SIG_CHARS);
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
