package org.steady.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaperPlanReaderTest {

  @Test
  void keepsTheWordsOfThePlanAndSortsByDate() {
    TaperPlan p = TaperPlanReader.read(Map.of("prescriber", "Dr Example", "steps", List.of(
        Map.of("start", "2026-12-15", "medication", "diazepam", "dose", "8 mg a day"),
        Map.of("start", "2026-12-01", "medication", "diazepam", "dose", "9 mg a day (5 + 4)"))));
    assertThat(p.starts()).containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 15));
    assertThat(p.steps().get(0).dose()).isEqualTo("9 mg a day (5 + 4)");
    assertThat(p.startingOn(LocalDate.of(2026, 12, 15))).get()
        .extracting(TaperPlan.Step::words).isEqualTo("diazepam: 8 mg a day");
  }

  @Test
  void namesTheStepAndFieldThatIsWrong() {
    assertThatThrownBy(() -> TaperPlanReader.read(Map.of("steps", List.of(
        Map.of("start", "2026-12-01", "medication", "diazepam", "dose", "9 mg"),
        Map.of("start", "1 Dec", "medication", "diazepam", "dose", "8 mg")))))
        .hasMessage("step 2: \"start\" must be a date like 2026-12-01");
    assertThatThrownBy(() -> TaperPlanReader.read(Map.of("steps", List.of(
        Map.of("start", "2026-12-01", "medication", "diazepam")))))
        .hasMessage("step 1: \"dose\" is required");
    assertThatThrownBy(() -> TaperPlanReader.read(Map.of("steps", List.of())))
        .hasMessageContaining("non-empty");
    assertThatThrownBy(() -> TaperPlanReader.read("x")).hasMessageContaining("JSON object");
  }

  @Test
  void refusesTwoStepsOnOneDay() {
    Map<String, Object> s = Map.of("start", "2026-12-01", "medication", "d", "dose", "1");
    assertThatThrownBy(() -> TaperPlanReader.read(Map.of("steps", List.of(s, s))))
        .hasMessage("step 2: another step already starts on 2026-12-01");
  }
}
