package org.steady.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * {@code POST /telegram/webhook}: Telegram's pushes in webhook mode. Refuses (401) any request
 * without the configured {@code X-Telegram-Bot-Api-Secret-Token} (constant-time compare), stores
 * the update through {@link TelegramIntake} and only then answers 200; if storing fails it
 * answers 500 so that Telegram delivers the update again.
 */
@RestController
@ConditionalOnExpression(TelegramConfiguration.ENABLED
    + " and !'${steady.telegram.webhook-url:}'.trim().isEmpty()")
class TelegramWebhook {
  private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);
  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

  private final ObjectMapper json =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final byte[] secret;
  private final TelegramIntake intake;

  TelegramWebhook(TelegramProperties props, TelegramIntake intake) {
    this.secret = props.webhookSecret().getBytes(StandardCharsets.UTF_8);
    this.intake = intake;
  }

  @PostMapping(path = "/telegram/webhook")
  ResponseEntity<String> receive(
      @RequestHeader(name = SECRET_HEADER, required = false) String given,
      @RequestBody byte[] body) {
    if (secret.length == 0 || given == null
        || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
      return ResponseEntity.status(401).body("wrong or missing secret token");
    }
    Update update;
    try {
      update = json.readValue(body, Update.class);
    } catch (IOException e) {
      return ResponseEntity.badRequest().body("not a Telegram update");
    }
    if (update.getUpdateId() == null) {
      return ResponseEntity.badRequest().body("update without update_id");
    }
    try {
      intake.accept(List.of(update));
    } catch (RuntimeException e) {
      log.warn("webhook update {} not stored; Telegram will retry", update.getUpdateId());
      return ResponseEntity.status(500).body("not stored, retry");
    }
    return ResponseEntity.ok("ok");
  }
}
