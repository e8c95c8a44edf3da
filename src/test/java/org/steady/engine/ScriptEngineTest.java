package org.steady.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptEngineTest {
  static final Context CTX = new Context(Instant.parse("2026-11-23T08:00:00Z"), ZoneId.of("UTC"), "en", Map.of(), 1);

  static Script script(String id, String version, String command, Script.Wait wait, ScriptStep... steps) {
    Map<String, ScriptStep> byId = new LinkedHashMap<>();
    for (ScriptStep s : steps) byId.put(s.id(), s);
    return new Script(id, version, id, command, List.of("en"), List.of("test"),
        new Script.Review(true, null, null), wait, steps[0].id(), byId);
  }

  static ScriptStep.Choice yesNo(String id, String text, String next) {
    return new ScriptStep.Choice(id, LocalText.en(text),
        List.of(new ScriptStep.Option("yes", LocalText.en("Yes"), null, false),
            new ScriptStep.Option("no", LocalText.en("No"), null, false)), id, next, null);
  }

  @Test
  void loopWithoutWaitingEndsWithErrorInsteadOfHanging() {
    Script loop = script("loop", "v1", null, null,
        new ScriptStep.Branch("a", List.of(new ScriptStep.Case(Expression.parse("true"), "b")), null),
        new ScriptStep.SetVars("b", List.of(new ScriptStep.Assignment("n", Expression.parse("n + 1"))), "a"));
    Engine.Step step = new ScriptEngine(new TestCatalog(loop)).advance(ConversationState.idle(), new Input.Start("loop"), CTX);
    assertThat(step.state().isIdle()).isTrue();
    assertThat(step.effects()).last().isEqualTo(new Effect.ConversationEnded("loop", "error"));
    assertThat(step.effects()).filteredOn(e -> e instanceof Effect.SendMessage).hasSize(1);
  }

  @Test
  void timerForAnotherStepIsIgnored() {
    Script.Wait wait = new Script.Wait(Duration.ofHours(1), null, 0, "end");
    Script s = script("s", "v1", null, wait, yesNo("q", "Ok?", null), new ScriptStep.End("end", null, "missed"));
    Engine engine = new ScriptEngine(new TestCatalog(s));
    ConversationState asked = engine.advance(ConversationState.idle(), new Input.Start("s"), CTX).state();
    Engine.Step step = engine.advance(asked, new Input.TimerFired("t999"), CTX);
    assertThat(step.effects()).isEmpty();
    assertThat(step.state()).isEqualTo(asked);
  }

  @Test
  void runFinishesOnTheVersionItStartedWith() {
    Script v1 = script("s", "v1", null, null, yesNo("q", "Old?", "bye"), new ScriptStep.Say("bye", LocalText.en("Old bye"), null));
    Script v2 = script("s", "v2", null, null, yesNo("q", "New?", "bye"), new ScriptStep.Say("bye", LocalText.en("New bye"), null));
    TestCatalog catalog = new TestCatalog(v1);
    Engine engine = new ScriptEngine(catalog);
    ConversationState asked = engine.advance(ConversationState.idle(), new Input.Start("s"), CTX).state();
    catalog.publish(v2);
    Engine.Step step = engine.advance(asked, new Input.ButtonPress("q1", "yes"), CTX);
    assertThat(step.effects()).contains(new Effect.SendMessage("Old bye", List.of(), null, false,
        new Effect.Origin("s", "v1", "bye")));
    Engine.Step fresh = engine.advance(ConversationState.idle(), new Input.Start("s"), CTX);
    assertThat(((Effect.SendMessage) fresh.effects().get(0)).text()).isEqualTo("New?");
  }

  @Test
  void sameInputsGiveTheSameEffectsAndState() {
    Script s = script("s", "v1", null, new Script.Wait(Duration.ofHours(2), null, 1, "q"), yesNo("q", "Ok?", null));
    Engine engine = new ScriptEngine(new TestCatalog(s));
    Engine.Step a = engine.advance(ConversationState.idle(), new Input.Start("s"), CTX);
    Engine.Step b = engine.advance(ConversationState.idle(), new Input.Start("s"), CTX);
    assertThat(a).isEqualTo(b);
    assertThat(engine.advance(a.state(), Input.Text.of("yes"), CTX))
        .isEqualTo(engine.advance(b.state(), Input.Text.of("yes"), CTX));
  }

  @Test
  void redFlagInFreeTextEscalatesEvenWhenIdle() {
    RedFlags flags = new RedFlags(List.of(new RedFlags.RedFlagList("en", List.of("no"),
        List.of(new RedFlags.Category("seizure", "Seizure or fit", List.of("fit"), List.of())))));
    Engine engine = new ScriptEngine(new TestCatalog(new CopingLibrary(List.of()), flags));
    Engine.Step step = engine.advance(ConversationState.idle(), Input.Text.of("I had a fit"), CTX);
    assertThat(step.effects()).hasSize(2);
    Effect.RaiseEscalation e = (Effect.RaiseEscalation) step.effects().get(0);
    assertThat(e.severity()).isEqualTo(Severity.URGENT);
    assertThat(e.rule()).isEqualTo("red_flag:seizure");
    assertThat(((Effect.SendMessage) step.effects().get(1)).urgent()).isTrue();
    assertThat(engine.advance(ConversationState.idle(), Input.Text.of("no fit"), CTX).effects())
        .noneMatch(x -> x instanceof Effect.RaiseEscalation);
  }

  @Test
  void unknownScriptOnStartChangesNothing() {
    Engine.Step step = new ScriptEngine(new TestCatalog()).advance(ConversationState.idle(), new Input.Start("nope"), CTX);
    assertThat(step.effects()).isEmpty();
    assertThat(step.state()).isEqualTo(ConversationState.idle());
  }

  @Test
  void runWhoseScriptVanishedEndsSafely() {
    ConversationState lost = new ConversationState(
        List.of(new ConversationState.Frame("gone", "v0", "q", null)), Map.of(),
        new ConversationState.Pending("q1", "q", 0, null, List.of(), 0), 1, List.of());
    Engine.Step step = new ScriptEngine(new TestCatalog()).advance(lost, Input.Text.of("yes"), CTX);
    assertThat(step.state().isIdle()).isTrue();
    assertThat(step.effects()).contains(new Effect.CloseQuestion("q1", null), new Effect.ConversationEnded("gone", "error"));
  }
}
