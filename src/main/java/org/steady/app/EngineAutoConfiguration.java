package org.steady.app;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.steady.engine.Engine;
import org.steady.engine.ScriptCatalog;
import org.steady.engine.ScriptEngine;

/**
 * The conversation engine the app runs: {@link ScriptEngine} over the live script catalog. An
 * auto-configuration (listed in {@code META-INF/spring/...AutoConfiguration.imports}) so that it
 * is considered after every user and test configuration, and steps aside when one of them
 * supplies its own {@link Engine} (tests use an echo engine).
 */
@AutoConfiguration
public class EngineAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(Engine.class)
  Engine scriptEngine(ScriptCatalog catalog) {
    return new ScriptEngine(catalog);
  }
}
