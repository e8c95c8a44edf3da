package org.steady.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dose rule of {@link Texts}: amounts next to dose words are refused, everyday amounts are not. */
class TextsTest {
  private final Report report = new Report("t.yaml");
  private final Texts texts = new Texts(report, List.of("en", "es"), new Exprs(report));

  private List<String> problems(String text, String locale) {
    texts.template(text, locale, null);
    return report.problems().stream().map(Problem::message).toList();
  }

  @ParameterizedTest(name = "[{1}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "Remember to take 5 mg tonight.| en| 5 mg",
        "Only 0.5mg today.| en| 0.5mg",
        "Take two tablets tonight.| en| two tablets",
        "You could take half a tablet.| en| half a tablet",
        "Try a quarter of a pill.| en| quarter of a pill",
        "Take 1/2 a pill before bed.| en| 1/2 a pill",
        "Take ½ tablet.| en| ½ tablet",
        "Now 1¼ tablets.| en| 1¼ tablets",
        "Reduce your dose by 10% every two weeks.| en| dose by 10%",
        "Cut your dose by a quarter.| en| dose by a quarter",
        "Take half your dose.| en| half your dose",
        "Never take a double dose.| en| double dose",
        "Cut the tablet in half.| en| tablet in half",
        "Take one of your pills.| en| one of your pills",
        "Lower your dosage by 10 percent.| en| dosage by 10 percent",
        "Toma dos comprimidos.| es| dos comprimidos",
        "Toma una pastilla y media.| es| una pastilla",
        "Solo pastilla y media.| es| pastilla y media",
        "Toma media pastilla.| es| media pastilla",
        "Reduce la dosis un 10%.| es| dosis un 10%",
        "Baja a la mitad de la dosis.| es| mitad de la dosis",
        "Reduce la dosis a la mitad.| es| dosis a la mitad",
        "Un cuarto de comprimido.| es| cuarto de comprimido",
        "Toma 2 tabletas hoy.| es| 2 tabletas",
        "Tres gotas al día.| es| Tres gotas",
      })
  void refusesATextThatStatesADose(String text, String locale, String quoted) {
    assertThat(problems(text, locale)).singleElement().asString()
        .startsWith("a text may not state a dose (\"" + quoted + "\")");
  }

  @ParameterizedTest(name = "[{1}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "One question I ask everyone, because withdrawal can bring very dark thoughts.| en",
        "Take a short walk if you feel steady.| en",
        "It usually passes in half an hour.| en",
        "Breathe slowly for 10 minutes.| en",
        "Was today's planned dose taken as agreed with your prescriber?| en",
        "Steady will never tell you to change a dose.| en",
        "We will look at your dose again in two weeks.| en",
        "Two hours after your dose, how do you feel?| en",
        "Once your dose is stable, keep going.| en",
        "90% of people feel better with time.| en",
        "Tonight's dose: {{patient.planned_step_today}}.| en",
        "Nunca te dirá que cambies una dosis.| es",
        "¿Tomaste hoy la dosis planeada?| es",
        "Un paseo corto de 5 a 10 minutos puede aliviar la tensión.| es",
        "Descansa media hora.| es",
        "Anótala en una o dos palabras.| es",
        "Dentro de dos semanas revisaremos tu dosis con tu equipo.| es",
      })
  void acceptsOrdinarySentences(String text, String locale) {
    assertThat(problems(text, locale)).isEmpty();
  }
}
