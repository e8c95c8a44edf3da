package org.steady.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steady.store.EmbeddedMongo;

/**
 * The build's training run drives synthetic patients through the real local chat (onboarding,
 * a daily check-in, /help) and exits by itself; it refuses a store that already holds data.
 */
class TrainingRunIT {
  @TempDir Path tmp;

  @Test
  void syntheticPatientsOnboardAndCheckInThenTheAppExitsAndASecondRunIsRefused()
      throws Exception {
    Map<String, String> env = Map.of("STEADY_DATA_DIR", tmp.resolve("data").toString(),
        "STEADY_CONVERSATIONS_DIR", "conversations", "STEADY_TRAINING", "true",
        "STEADY_TRAINING_LENGTH", "PT1S");
    try (AppProcess app = AppProcess.start(SteadyMain.class, env, tmp.resolve("1.log"))) {
      assertThat(app.awaitExit()).as(app.output()).isZero();
      assertThat(app.output()).containsPattern("training run: \\d+ synthetic patients");
    }
    try (EmbeddedMongo store = EmbeddedMongo.start(tmp.resolve("data/steady.mv"));
        MongoClient client = MongoClients.create(store.uri())) {
      MongoDatabase db = client.getDatabase("steady");
      assertThat(db.getCollection("patients").countDocuments()).isPositive();
      Document first = db.getCollection("patients").find().first();
      String id = first.getString("_id");
      assertThat(db.getCollection("answers").countDocuments(Filters.and(
          Filters.eq("patientId", id), Filters.eq("scriptId", "onboarding")))).isPositive();
      assertThat(db.getCollection("answers").countDocuments(Filters.and(
          Filters.eq("patientId", id), Filters.eq("scriptId", "daily-checkin")))).isPositive();
      assertThat(db.getCollection("transcripts").countDocuments(Filters.and(
          Filters.eq("patientId", id), Filters.eq("direction", "in"), Filters.eq("kind",
              "button")))).isPositive();
      assertThat(db.getCollection("local_messages").countDocuments()).isPositive();
      assertThat(db.getCollection("inbox").countDocuments(Filters.ne("status", "processed")))
          .isZero();
    }
    try (AppProcess again = AppProcess.start(SteadyMain.class, env, tmp.resolve("2.log"))) {
      assertThat(again.awaitExit()).isEqualTo(1);
      assertThat(again.output()).contains("steady.training needs an empty embedded store");
    }
  }
}
