package org.steady.telegram;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Connects Steady to Telegram when the app starts: registers the command menu, then either sets
 * the webhook (with its secret token) or starts long polling into {@link TelegramIntake}. Starts
 * late (after the inbox and relay) and stops early, so no update arrives with nowhere to go.
 */
class TelegramBot implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
  static final List<BotCommand> COMMANDS = List.of(
      new BotCommand("start", "Start or restart Steady"),
      new BotCommand("checkin", "Do a check-in now"),
      new BotCommand("cope", "Help with a hard moment"),
      new BotCommand("crisis", "Help right now if you feel unsafe"),
      new BotCommand("settings", "Check-in time, zone, days, name, language"),
      new BotCommand("pause", "Pause reminders"),
      new BotCommand("resume", "Resume reminders"),
      new BotCommand("help", "What Steady can do"),
      new BotCommand("stop", "Stop all messages"),
      new BotCommand("invite", "Invite a care contact"),
      new BotCommand("contacts", "Your care contacts"),
      new BotCommand("link", "Link to someone you support, with their code"),
      new BotCommand("unlink", "Stop receiving alerts for someone"));

  private final TelegramProperties props;
  private final TelegramClient client;
  private final TelegramIntake intake;
  private TelegramBotsLongPollingApplication polling;
  private volatile boolean running;

  TelegramBot(TelegramProperties props, TelegramClient client, TelegramIntake intake) {
    this.props = props;
    this.client = client;
    this.intake = intake;
  }

  @Override
  public void start() {
    try {
      client.execute(SetMyCommands.builder().commands(COMMANDS).build());
    } catch (TelegramApiException e) {
      log.warn("setMyCommands failed ({}); the command menu may be stale",
          e.getClass().getSimpleName());
    }
    try {
      if (props.webhookMode()) {
        startWebhook();
      } else {
        startPolling();
      }
    } catch (TelegramApiException e) {
      throw new IllegalStateException("could not connect to the Telegram Bot API at "
          + props.apiUrl() + ": " + e.getMessage(), e);
    }
    running = true;
  }

  private void startWebhook() throws TelegramApiException {
    if (props.webhookSecret().length() < 16) {
      throw new IllegalStateException("TELEGRAM_WEBHOOK_SECRET must be set (16+ characters of "
          + "A-Z, a-z, 0-9, _ or -) when TELEGRAM_WEBHOOK_URL is set");
    }
    client.execute(SetWebhook.builder().url(props.webhookUrl())
        .secretToken(props.webhookSecret()).build());
    log.info("telegram webhook set");
  }

  private void startPolling() throws TelegramApiException {
    polling = new TelegramBotsLongPollingApplication();
    int timeout = props.pollTimeoutSeconds();
    BotSession session = polling.registerBot(props.botToken(),
        () -> BotApiUrl.parse(props.apiUrl()),
        offset -> GetUpdates.builder().offset(offset + 1).limit(100).timeout(timeout).build(),
        intake);
    intake.onFailureRewindTo(id -> session.getLastReceivedUpdate().set(id));
    log.info("telegram long polling started");
  }

  @Override
  public void stop() {
    running = false;
    if (polling != null) {
      try {
        polling.close();
      } catch (Exception e) {
        log.info("stopping telegram long polling: {}", e.getClass().getSimpleName());
      }
      polling = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }
}
