package org.steady.chat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs work in order per chat and in parallel across chats, people first: a chat with a message
 * from a person waiting is served before chats that only have scheduled work (a minute's 5,000
 * check-ins, reminders). Within a chat the order never changes, so a message sent just after a
 * check-in started is processed after it. On shutdown the queued work is finished within 15 s
 * (graceful drain); what is left unprocessed in the inbox is picked up by crash repair at the
 * next start.
 */
@Component
public class ChatExecutor implements DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(ChatExecutor.class);
  private static final long DRAIN_SECONDS = 15;

  private record Task(Runnable work, boolean fromPerson) {}

  /** One chat's queued work; served by one thread at a time. */
  private static final class Chat {
    final String key;
    final ArrayDeque<Task> work = new ArrayDeque<>();
    int fromPeople;
    boolean running;

    Chat(String key) {
      this.key = key;
    }
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition ready = lock.newCondition();
  private final Map<String, Chat> chats = new HashMap<>();
  private final LinkedHashSet<Chat> peopleReady = new LinkedHashSet<>();
  private final LinkedHashSet<Chat> scheduledReady = new LinkedHashSet<>();
  private final List<Thread> workers = new ArrayList<>();
  private boolean closing;

  public ChatExecutor(@Value("${steady.inbox.threads:4}") int threads) {
    for (int i = 0; i < Math.max(1, threads); i++) {
      Thread t = new Thread(this::serve, "steady-chat-" + i);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
  }

  /**
   * Queues {@code work} behind everything queued for the same chat. {@code fromPerson}: a
   * person's message (as opposed to a scheduled check-in or timer), which goes first.
   */
  public void submit(String channel, String chatId, boolean fromPerson, Runnable work) {
    lock.lock();
    try {
      if (closing) {
        log.info("shutting down; chat work left for the next start");
        return;
      }
      Chat chat = chats.computeIfAbsent(channel + ":" + chatId, Chat::new);
      chat.work.add(new Task(work, fromPerson));
      if (fromPerson) {
        chat.fromPeople++;
      }
      if (!chat.running) {
        makeReady(chat);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Puts an idle chat with work in the queue of its priority (moving it up if it rose). */
  private void makeReady(Chat chat) {
    if (chat.fromPeople > 0) {
      scheduledReady.remove(chat);
      peopleReady.add(chat);
    } else if (!peopleReady.contains(chat)) {
      scheduledReady.add(chat);
    }
    ready.signal();
  }

  private void serve() {
    while (true) {
      Chat chat;
      Task task;
      lock.lock();
      try {
        while (peopleReady.isEmpty() && scheduledReady.isEmpty()) {
          if (closing) {
            return;
          }
          ready.awaitUninterruptibly();
        }
        chat = take(peopleReady.isEmpty() ? scheduledReady : peopleReady);
        chat.running = true;
        task = chat.work.poll();
        if (task.fromPerson()) {
          chat.fromPeople--;
        }
      } finally {
        lock.unlock();
      }
      try {
        task.work().run();
      } catch (RuntimeException e) {
        log.warn("chat work failed: {}", e.getClass().getName());
      } finally {
        lock.lock();
        try {
          chat.running = false;
          if (chat.work.isEmpty()) {
            chats.remove(chat.key);
            if (closing && chats.isEmpty()) {
              ready.signalAll();
            }
          } else {
            makeReady(chat);
          }
        } finally {
          lock.unlock();
        }
      }
    }
  }

  private static Chat take(LinkedHashSet<Chat> queue) {
    Iterator<Chat> it = queue.iterator();
    Chat first = it.next();
    it.remove();
    return first;
  }

  /** How many chats have work queued or running (for tests and metrics). */
  public int busyChats() {
    lock.lock();
    try {
      return chats.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    lock.lock();
    try {
      closing = true;
      ready.signalAll();
    } finally {
      lock.unlock();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
    for (Thread t : workers) {
      t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }
    if (workers.stream().anyMatch(Thread::isAlive)) {
      log.warn("inbox drain timed out; unprocessed events are repaired at the next start");
      workers.forEach(Thread::interrupt);
    }
  }
}
