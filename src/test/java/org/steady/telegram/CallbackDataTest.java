package org.steady.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CallbackDataTest {
  private final CallbackData data = new CallbackData("1:token");

  @Test
  void roundTripsWithinSixtyFourBytes() {
    String payload = "x".repeat(CallbackData.MAX_PAYLOAD_BYTES);
    String signed = data.sign("42", payload);
    assertThat(signed.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(64);
    assertThat(data.verify("42", signed)).contains(payload);
  }

  @Test
  void refusesOtherChatOtherTokenAndTampering() {
    String signed = data.sign("42", "q1|yes");
    assertThat(data.verify("43", signed)).isEmpty();
    assertThat(new CallbackData("2:other").verify("42", signed)).isEmpty();
    assertThat(data.verify("42", signed.replace("yes", "no_"))).isEmpty();
    assertThat(data.verify("42", "plain")).isEmpty();
  }

  @Test
  void tooLongPayloadIsAClearError() {
    assertThatThrownBy(() -> data.sign("42", "y".repeat(60)))
        .hasMessageContaining("64-byte");
  }
}
