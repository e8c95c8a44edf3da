package org.steady.app;

import com.mongodb.ConnectionString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.steady.store.EmbeddedMongo;

/**
 * Decides the store before any bean needs it. With {@code spring.mongodb.uri} (env
 * {@code MONGODB_URI}) set, only checks that it parses. Without it, checks that
 * {@code STEADY_DATA_DIR} is writable, starts the embedded store on {@code <data dir>/steady.mv}
 * and points {@code spring.mongodb.uri} at it. The embedded store is registered as a bean that
 * closes after the Mongo client (it is declared the client's dependency).
 */
public class StoreInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {
  static final String BEAN = "steadyEmbeddedMongo";

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment env = context.getEnvironment();
    String uri = env.getProperty("spring.mongodb.uri", "").trim();
    if (!uri.isEmpty()) {
      checkUri(uri);
      return;
    }
    Path dir = Path.of(env.getProperty("steady.data-dir", "./data")).toAbsolutePath().normalize();
    checkWritable(dir);
    EmbeddedMongo mongo = open(dir.resolve("steady.mv"));
    env.getPropertySources().addFirst(
        new MapPropertySource("steadyEmbeddedStore", Map.of("spring.mongodb.uri", mongo.uri())));
    DefaultListableBeanFactory bf = (DefaultListableBeanFactory) context.getBeanFactory();
    bf.registerSingleton(BEAN, mongo);
    bf.registerDisposableBean(BEAN, mongo::close);
    bf.registerDependentBean(BEAN, "mongo");
  }

  static void checkUri(String uri) {
    try {
      new ConnectionString(uri);
    } catch (RuntimeException e) {
      throw new StartupProblem("MONGODB_URI is not a valid MongoDB connection string"
          + " (expected mongodb://host:port/database or mongodb+srv://...).", e);
    }
  }

  static void checkWritable(Path dir) {
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException | RuntimeException e) {
      throw new StartupProblem("STEADY_DATA_DIR " + dir + " is not a writable directory ("
          + e.getClass().getSimpleName() + ").", e);
    }
  }

  private static EmbeddedMongo open(Path file) {
    try {
      return EmbeddedMongo.start(file);
    } catch (RuntimeException e) {
      String why = String.valueOf(e.getMessage());
      if (why.contains("locked")) {
        throw new StartupProblem("The data file " + file
            + " is in use by another running Steady; stop it or set another STEADY_DATA_DIR.", e);
      }
      throw new StartupProblem("The embedded store could not open " + file + " ("
          + e.getClass().getSimpleName() + ").", e);
    }
  }
}
