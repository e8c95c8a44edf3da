package org.steady.app;

import java.io.IOException;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.SpringApplication;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The app with {@link EchoEngine}, for tests that start it as a separate process. Component
 * scanning skips everything under {@code test-classes} (other tests' configurations).
 */
public final class EchoEngineMain {
  private EchoEngineMain() {}

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(SteadyApplication.class, EchoEngineConfig.class);
    app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("skipTestClasses",
        new SkipTestClasses()));
    try {
      app.run(args);
    } catch (RuntimeException e) {
      System.exit(1);
    }
  }

  static final class SkipTestClasses extends TypeExcludeFilter {
    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory)
        throws IOException {
      return reader.getResource().getURI().toString().contains("/test-classes/");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SkipTestClasses;
    }

    @Override
    public int hashCode() {
      return 1;
    }
  }
}
