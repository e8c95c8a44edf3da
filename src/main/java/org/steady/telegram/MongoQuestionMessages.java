package org.steady.telegram;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.Date;
import java.util.List;
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
    col.updateOne(Filters.eq("_id", chatId + "|" + questionToken),
        Updates.combine(Updates.addToSet("messageIds", messageId),
            Updates.set("at", Date.from(clock.instant()))),
        new UpdateOptions().upsert(true));
  }

  @Override
  public List<Integer> find(String chatId, String questionToken) {
    Document d = col.find(Filters.eq("_id", chatId + "|" + questionToken)).first();
    return d == null ? List.of() : d.getList("messageIds", Integer.class, List.of());
  }
}
