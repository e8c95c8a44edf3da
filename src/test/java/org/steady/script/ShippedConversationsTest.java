package org.steady.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The content shipped in {@code conversations/} must pass the validator (drafts may warn). */
class ShippedConversationsTest {
  @Test
  void shippedConversationsValidate() {
    LoadResult r = ConversationLoader.load(Path.of("conversations"));

    assertThat(r.errors()).extracting(Problem::format).isEmpty();
    for (String id : new String[] {"onboarding", "daily-checkin", "weekly-symptoms", "crisis", "coping"}) {
      assertThat(r.catalog().latest(id)).as(id).isPresent();
    }
    assertThat(r.catalog().coping().prompts()).hasSizeGreaterThanOrEqualTo(10);
    assertThat(r.catalog().redFlags().lists()).isNotEmpty();
  }
}
