package org.steady.app;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.steady.engine.Engine;

/** Supplies {@link EchoEngine} to a test context or a test app process. */
@TestConfiguration(proxyBeanMethods = false)
public class EchoEngineConfig {
  @Bean
  Engine engine() {
    return new EchoEngine();
  }
}
