package org.steady.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.steady.testing.Await;

/** The chat executor's promises: order within a chat, people before scheduled work, a drain. */
class ChatExecutorTest {
  private final ChatExecutor executor = new ChatExecutor(1);
  private final List<String> done = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() throws InterruptedException {
    release.countDown();
    executor.destroy();
  }

  @Test
  void aPersonsMessageGoesBeforeAMinutesScheduledCheckInsOfOtherChats() throws Exception {
    block("busy");
    for (int i = 0; i < 100; i++) {
      submit("c" + i, false, "checkin-c" + i);
    }
    submit("ana", true, "ana-message");
    release.countDown();
    Await.until("all done", () -> done.size() == 102);

    assertThat(done.get(1)).isEqualTo("ana-message");
    assertThat(done.subList(2, 102)).startsWith("checkin-c0", "checkin-c1").endsWith("checkin-c99");
  }

  @Test
  void withinAChatTheOrderStaysAndAMessageBehindACheckInLiftsTheChat() throws Exception {
    block("busy");
    submit("other", false, "checkin-other");
    submit("ana", false, "checkin-ana");
    submit("ana", true, "ana-message");
    release.countDown();
    Await.until("all done", () -> done.size() == 4);

    assertThat(done).containsExactly("busy", "checkin-ana", "ana-message", "checkin-other");
  }

  @Test
  void shuttingDownFinishesWhatIsQueued() throws Exception {
    block("busy");
    for (int i = 0; i < 20; i++) {
      submit("c" + (i % 3), i % 2 == 0, "w" + i);
    }
    release.countDown();
    executor.destroy();

    assertThat(done).hasSize(21);
    submit("late", true, "after-shutdown");
    assertThat(done).hasSize(21);
  }

  /** Occupies the only worker until {@link #release}, so what follows queues up. */
  private void block(String name) throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    executor.submit("test", "blocker", true, () -> {
      started.countDown();
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      done.add(name);
    });
    assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
  }

  private void submit(String chat, boolean fromPerson, String name) {
    executor.submit("test", chat, fromPerson, () -> done.add(name));
  }
}
