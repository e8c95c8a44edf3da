package org.steady.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.steady.engine.Effect;
import org.steady.store.Patients;

/** /stop answers in the patient's language, over the real patients store. */
class StopCommandTest {
  private final MongoServer server = new MongoServer(new MemoryBackend());
  private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
  private final Patients patients = new Patients(client.getDatabase("steady"),
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
  private final StopCommand stop = new StopCommand(patients);

  @AfterEach
  void close() {
    client.close();
    server.shutdownNow();
  }

  private String stop(String chatId, String locale) {
    patients.findOrCreate("local", chatId, "Ana", locale);
    PatientRef p = new PatientRef("local:" + chatId, "local", chatId, locale);
    List<String> said = new ArrayList<>();
    boolean handled = stop.intercept(new Inbound("local", chatId, "e-" + chatId,
        Inbound.Kind.COMMAND, null, "stop", "", null, "Ana", locale, Instant.EPOCH),
        Optional.of(p), new InboundInterceptor.Replies() {
          @Override
          public void text(String text) {
            said.add(text);
          }

          @Override
          public void buttons(String text, List<List<Effect.Button>> rows) {
            said.add(text);
          }
        });
    assertThat(handled).isTrue();
    assertThat(patients.isStopped(p.patientId())).isTrue();
    return String.join("\n", said);
  }

  @Test
  void spanishPatientIsToldInSpanish() {
    assertThat(stop("1", "es")).startsWith("Hecho: no te enviaré más controles")
        .contains("/start");
  }

  @Test
  void englishPatientIsToldInEnglish() {
    assertThat(stop("2", "en")).startsWith("Done: I won't send you any more check-ins")
        .contains("/start");
  }

  @Test
  void anyOtherLanguageFallsBackToEnglish() {
    assertThat(stop("3", "fr")).startsWith("Done: I won't send you any more check-ins");
  }
}
