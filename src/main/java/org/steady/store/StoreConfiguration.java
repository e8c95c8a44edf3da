package org.steady.store;

import com.mongodb.MongoSecurityException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The store beans: which server ({@link StoreTarget}), the database, and driver settings. A real
 * MongoDB gets {@code w:majority, j:true} so that an acknowledged write survives a crash; the
 * embedded store gets its durability from {@link Durability}.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

  @Bean
  StoreTarget storeTarget(Environment env, ObjectProvider<EmbeddedMongo> embedded) {
    String uri = env.getRequiredProperty("spring.mongodb.uri");
    int timeout = env.getProperty("steady.store.connect-timeout-seconds", Integer.class, 5);
    return StoreTarget.of(uri, embedded.getIfAvailable() != null, timeout);
  }

  @Bean
  MongoClientSettingsBuilderCustomizer steadyMongoSettings(StoreTarget target) {
    return builder -> {
      builder.applyToClusterSettings(
          c -> c.serverSelectionTimeout(target.timeoutSeconds(), TimeUnit.SECONDS));
      builder.applyToSocketSettings(
          s -> s.connectTimeout(target.timeoutSeconds(), TimeUnit.SECONDS));
      if (!target.embedded()) {
        builder.writeConcern(WriteConcern.MAJORITY.withJournal(true));
      }
    };
  }

  /**
   * The database, after one round trip: every store bean needs it, so an unreachable MongoDB is
   * reported here, once, as one sentence, whichever feature asks first.
   */
  @Bean
  MongoDatabase steadyDatabase(MongoClient client, StoreTarget target) {
    MongoDatabase db = client.getDatabase(target.database());
    try {
      db.runCommand(new org.bson.Document("ping", 1));
    } catch (MongoTimeoutException e) {
      throw new StoreUnreachableException("Cannot reach MongoDB at " + target.hosts()
          + " within " + target.timeoutSeconds()
          + " seconds: check MONGODB_URI and that the server runs.", e);
    } catch (MongoSecurityException e) {
      throw new StoreUnreachableException("MongoDB at " + target.hosts()
          + " refused the credentials given in MONGODB_URI.", e);
    }
    return db;
  }
}
