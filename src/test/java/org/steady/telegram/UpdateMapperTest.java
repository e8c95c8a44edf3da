package org.steady.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.steady.chat.Inbound;

class UpdateMapperTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private final CallbackData callbacks = new CallbackData(FakeBotApi.TOKEN);
  private final UpdateMapper mapper = new UpdateMapper(callbacks);

  private UpdateMapper.Mapped map(Map<String, Object> update) {
    return mapper.map(Updates.parse(update), NOW);
  }

  @Test
  void mapsTextWithSenderAndDate() {
    Inbound in = map(Updates.text(42, "slept badly")).inbound();
    assertThat(in.kind()).isEqualTo(Inbound.Kind.TEXT);
    assertThat(in.text().value()).isEqualTo("slept badly");
    assertThat(in.chatId()).isEqualTo("42");
    assertThat(in.id()).isEqualTo("telegram:77");
    assertThat(in.displayName()).isEqualTo("Ana");
    assertThat(in.languageCode()).isEqualTo("es");
    assertThat(in.at()).isEqualTo(Instant.ofEpochSecond(Updates.DATE));
  }

  @Test
  void stripsBotNameFromCommands() {
    Inbound in = map(Updates.command(42, "/CheckIn@steady_bot")).inbound();
    assertThat(in.kind()).isEqualTo(Inbound.Kind.COMMAND);
    assertThat(in.command()).isEqualTo("checkin");
    assertThat(in.argument()).isEmpty();
  }

  @Test
  void passesDeepLinkParameterOfStart() {
    Inbound in = map(Updates.command(42, "/start clinic-7")).inbound();
    assertThat(in.command()).isEqualTo("start");
    assertThat(in.argument()).isEqualTo("clinic-7");
  }

  @Test
  void unknownCommandStillReachesSteadyAsCommand() {
    Inbound in = map(Updates.command(42, "/frobnicate now")).inbound();
    assertThat(in.kind()).isEqualTo(Inbound.Kind.COMMAND);
    assertThat(in.command()).isEqualTo("frobnicate");
  }

  @Test
  void stickersPhotosVoiceAndDocumentsAreUnsupported() {
    for (String field : List.of("sticker", "photo", "voice", "document")) {
      Object content = "photo".equals(field)
          ? List.of(Map.of("file_id", "f", "file_unique_id", "u", "width", 1, "height", 1))
          : Map.of("file_id", "f", "file_unique_id", "u", "duration", 1, "width", 1,
              "height", 1, "type", "regular", "is_animated", false, "is_video", false);
      Inbound in = map(Map.of("message", Updates.message(42, "private", Map.of(field, content))))
          .inbound();
      assertThat(in.kind()).as(field).isEqualTo(Inbound.Kind.UNSUPPORTED);
      assertThat(in.text()).isNull();
    }
  }

  @Test
  void ignoresEditedMessagesAndChannelPosts() {
    Map<String, Object> msg = Updates.message(42, "private", Map.of("text", "edited"));
    assertThat(map(Map.of("edited_message", msg))).isEqualTo(UpdateMapper.Mapped.NOTHING);
    Map<String, Object> post = Updates.message(-100, "channel", Map.of("text", "news"));
    assertThat(map(Map.of("channel_post", post))).isEqualTo(UpdateMapper.Mapped.NOTHING);
  }

  @Test
  void groupTextIsIgnoredAndGroupCommandGetsANotice() {
    Map<String, Object> text = Updates.message(-5, "group", Map.of("text", "hello all"));
    assertThat(map(Map.of("message", text))).isEqualTo(UpdateMapper.Mapped.NOTHING);
    Map<String, Object> cmd = Updates.message(-5, "supergroup", Map.of("text", "/start",
        "entities", List.of(Map.of("type", "bot_command", "offset", 0, "length", 6))));
    UpdateMapper.Mapped m = map(Map.of("message", cmd));
    assertThat(m.inbound()).isNull();
    assertThat(m.noticeChatId()).isEqualTo("-5");
    assertThat(m.notice()).contains("private chats");
  }

  @Test
  void theStaffGroupMayPressAlertButtonsButNothingElse() {
    UpdateMapper staff = new UpdateMapper(callbacks, java.util.Set.of("-100777"));
    UpdateMapper.Mapped ack = staff.map(Updates.parse(groupCallback(-100777,
        callbacks.sign("-100777", "ack:r1"))), Instant.EPOCH);
    assertThat(ack.inbound().chatId()).isEqualTo("-100777");
    assertThat(ack.inbound().callbackData()).isEqualTo("ack:r1");
    UpdateMapper.Mapped answer = staff.map(Updates.parse(groupCallback(-100777,
        callbacks.sign("-100777", "q1|good"))), Instant.EPOCH);
    assertThat(answer.inbound()).isNull();
    assertThat(answer.callbackAnswer()).isEqualTo(UpdateMapper.GROUP_NOTICE);
    UpdateMapper.Mapped otherGroup = staff.map(Updates.parse(groupCallback(-100888,
        callbacks.sign("-100888", "ack:r1"))), Instant.EPOCH);
    assertThat(otherGroup.inbound()).isNull();
    assertThat(otherGroup.callbackAnswer()).isEqualTo(UpdateMapper.GROUP_NOTICE);
  }

  private static Map<String, Object> groupCallback(long chatId, String data) {
    return Map.of("callback_query", Map.of("id", "cb1", "from", Updates.user(7),
        "chat_instance", "ci", "data", data,
        "message", Updates.message(chatId, "supergroup", Map.of("text", "alert"))));
  }

  @Test
  void signedButtonBecomesChannelNeutralData() {
    UpdateMapper.Mapped m = map(Updates.callback(42, callbacks.sign("42", "q1|good")));
    assertThat(m.inbound().kind()).isEqualTo(Inbound.Kind.BUTTON);
    assertThat(m.inbound().callbackData()).isEqualTo("q1|good");
    assertThat(m.callbackId()).isNotNull();
    assertThat(m.callbackAnswer()).isNull();
  }

  @Test
  void forgedOrOtherChatsButtonDataIsDroppedPolitely() {
    for (String data : List.of("q1|good", "q1|good~AAAAAAAA", callbacks.sign("43", "q1|good"))) {
      UpdateMapper.Mapped m = map(Updates.callback(42, data));
      assertThat(m.inbound()).as(data).isNull();
      assertThat(m.callbackId()).isNotNull();
      assertThat(m.callbackAnswer()).isEqualTo(UpdateMapper.FORGED_ANSWER);
    }
  }

  @Test
  void pressOnAClosedKeyboardIsOnlyAnswered() {
    UpdateMapper.Mapped m = map(Updates.callback(42, callbacks.sign("42", UpdateMapper.CLOSED)));
    assertThat(m.inbound()).isNull();
    assertThat(m.callbackId()).isNotNull();
  }

  @Test
  void hugeTextIsKeptWhole() {
    String huge = "x".repeat(20_000);
    Inbound in = map(Updates.text(42, huge)).inbound();
    assertThat(in.text().value()).hasSize(20_000);
    assertThat(in.toString()).doesNotContain("xxxx");
  }

  @Test
  void messagesFromBotsAreIgnored() {
    Map<String, Object> msg = new java.util.LinkedHashMap<>(
        Updates.message(42, "private", Map.of("text", "hi")));
    msg.put("from", Map.of("id", 9, "is_bot", true, "first_name", "Other"));
    assertThat(map(Map.of("message", msg))).isEqualTo(UpdateMapper.Mapped.NOTHING);
  }
}
