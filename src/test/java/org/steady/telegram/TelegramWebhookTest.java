package org.steady.telegram;

import org.steady.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

class TelegramWebhookTest {
  private static final String SECRET = "s3cret-webhook-token_value";
  private final DurableInbox inbox = new DurableInbox();
  private FakeBotApi api;
  private MockMvc mvc;

  @BeforeEach
  void setUp() throws Exception {
    api = new FakeBotApi();
    TelegramProperties props = new TelegramProperties(FakeBotApi.TOKEN, api.url(),
        "https://steady.example/telegram/webhook", SECRET, 30, 1, 20, 1);
    TelegramIntake intake = new TelegramIntake(
        new UpdateMapper(new CallbackData(FakeBotApi.TOKEN)), inbox,
        new OkHttpTelegramClient(FakeBotApi.TOKEN, BotApiUrl.parse(api.url())),
        new MutableClock(Instant.parse("2026-11-23T10:00:00Z")));
    mvc = MockMvcBuilders.standaloneSetup(new TelegramWebhook(props, intake)).build();
  }

  @AfterEach
  void tearDown() {
    api.close();
  }

  private static byte[] update(int id, String text) throws Exception {
    Map<String, Object> u = new LinkedHashMap<>(Updates.text(5, text));
    u.put("update_id", id);
    return new ObjectMapper().writeValueAsBytes(u);
  }

  @Test
  void refusesRequestsWithoutTheSecret() throws Exception {
    mvc.perform(post("/telegram/webhook").contentType(MediaType.APPLICATION_JSON)
        .content(update(1, "hi"))).andExpect(status().isUnauthorized());
    mvc.perform(post("/telegram/webhook").contentType(MediaType.APPLICATION_JSON)
        .header(TelegramWebhook.SECRET_HEADER, SECRET + "x").content(update(1, "hi")))
        .andExpect(status().isUnauthorized());
    assertThat(inbox.size()).isZero();
  }

  @Test
  void storesAnUpdateWithTheSecretOnceEvenIfRedelivered() throws Exception {
    for (int i = 0; i < 2; i++) {
      mvc.perform(post("/telegram/webhook").contentType(MediaType.APPLICATION_JSON)
          .header(TelegramWebhook.SECRET_HEADER, SECRET).content(update(9, "hi")))
          .andExpect(status().isOk());
    }
    assertThat(inbox.size()).isEqualTo(1);
    assertThat(inbox.duplicates).hasValue(1);
  }

  @Test
  void answers500WhenTheStoreFailsSoTelegramRetries() throws Exception {
    inbox.failuresToInject.set(1);
    mvc.perform(post("/telegram/webhook").contentType(MediaType.APPLICATION_JSON)
        .header(TelegramWebhook.SECRET_HEADER, SECRET).content(update(3, "hi")))
        .andExpect(status().isInternalServerError());
  }

  @Test
  void garbageIsABadRequestNotACrash() throws Exception {
    mvc.perform(post("/telegram/webhook").contentType(MediaType.APPLICATION_JSON)
        .header(TelegramWebhook.SECRET_HEADER, SECRET).content("{not json"))
        .andExpect(status().isBadRequest());
  }
}
