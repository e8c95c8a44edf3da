package org.steady.app;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Spring Boot application: scans every feature package under {@code org.steady}. */
@SpringBootApplication(scanBasePackages = "org.steady")
@ConfigurationPropertiesScan("org.steady")
@EnableScheduling
public class SteadyApplication {

  /** The one source of time; tests replace it with a controllable clock ({@code @Primary}). */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
