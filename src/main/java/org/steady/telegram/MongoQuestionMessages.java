package org.steady.telegram;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/** {@link QuestionMessages} in collection {@code telegram_questions}, keyed by chat and token. */
final class MongoQuestionMessages implements QuestionMessages {
  static final String COLLECTION = "telegram_questions";

  private final MongoCollection<Document> col;
  private final Clock clock;

  MongoQuestionMessages(MongoDatabase db, Clock clock) {
    this.col = db.getCollection(COLLECTION);
    this.clock = clock;
  }

  @Override
  public void remember(String chatId, String questionToken, int messageId) {
    String id = chatId + "|" + questionToken;
    col.replaceOne(Filters.eq("_id", id),
        new Document("_id", id).append("messageId", messageId)
            .append("at", Date.from(clock.instant())),
        new ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<Integer> find(String chatId, String questionToken) {
    Document d = col.find(Filters.eq("_id", chatId + "|" + questionToken)).first();
    return d == null ? Optional.empty() : Optional.ofNullable(d.getInteger("messageId"));
  }
}
