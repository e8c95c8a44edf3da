package org.steady.store;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the store as component {@code mongo}: a {@code ping} round trip. Replaces Spring
 * Boot's Mongo indicator, which sends {@code hello}, a command the embedded server lacks.
 */
@Component("mongoHealthIndicator")
public class StoreHealth extends AbstractHealthIndicator {
  private final MongoDatabase db;
  private final StoreTarget target;

  public StoreHealth(MongoDatabase db, StoreTarget target) {
    super("MongoDB health check failed");
    this.db = db;
    this.target = target;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    db.runCommand(new Document("ping", 1));
    builder.up().withDetail("embedded", target.embedded())
        .withDetail("database", target.database());
  }
}
