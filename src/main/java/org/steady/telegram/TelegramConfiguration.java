package org.steady.telegram;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.steady.chat.InboundHandler;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Telegram mode, active only when {@code steady.telegram.bot-token} ({@code TELEGRAM_BOT_TOKEN})
 * is non-empty. Long polling by default; webhook mode when {@code TELEGRAM_WEBHOOK_URL} is set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(TelegramConfiguration.ENABLED)
class TelegramConfiguration {
  static final String ENABLED = "!'${steady.telegram.bot-token:}'.trim().isEmpty()";

  @Bean
  TelegramClient telegramClient(TelegramProperties props) {
    return new OkHttpTelegramClient(props.botToken(), BotApiUrl.parse(props.apiUrl()));
  }

  @Bean
  CallbackData telegramCallbackData(TelegramProperties props) {
    return new CallbackData(props.botToken());
  }

  /** The staff alert chat, when it is on Telegram, may press alert buttons although a group. */
  @Bean
  TelegramIntake telegramIntake(CallbackData callbacks, InboundHandler handler,
      TelegramClient client, Clock clock,
      @Value("${steady.escalation.staff-chat.channel:}") String staffChannel,
      @Value("${steady.escalation.staff-chat.chat-id:}") String staffChatId) {
    Set<String> staff = UpdateMapper.CHANNEL.equals(staffChannel.strip())
        && !staffChatId.isBlank() ? Set.of(staffChatId.strip()) : Set.of();
    return new TelegramIntake(new UpdateMapper(callbacks, staff), handler, client, clock);
  }

  @Bean
  TelegramChannelSender telegramChannelSender(TelegramClient client, CallbackData callbacks,
      MongoDatabase db, Clock clock, TelegramProperties props) {
    return new TelegramChannelSender(client, new Keyboards(callbacks),
        new MongoQuestionMessages(db, clock),
        new Pacer(clock, props.messagesPerSecond(), props.perChatPerSecond(),
            props.perGroupPerMinute()));
  }

  @Bean
  TelegramBot telegramBot(TelegramProperties props, TelegramClient client, TelegramIntake intake) {
    return new TelegramBot(props, client, intake);
  }
}
