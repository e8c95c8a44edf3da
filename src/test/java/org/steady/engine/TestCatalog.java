package org.steady.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An in-memory catalog for engine unit tests; later additions of a script id are newer versions. */
final class TestCatalog implements ScriptCatalog {
  private final List<Script> scripts = new ArrayList<>();
  private final CopingLibrary coping;
  private final RedFlags flags;

  TestCatalog(CopingLibrary coping, RedFlags flags, Script... scripts) {
    this.coping = coping;
    this.flags = flags;
    this.scripts.addAll(List.of(scripts));
  }

  TestCatalog(Script... scripts) {
    this(new CopingLibrary(List.of()), new RedFlags(List.of()), scripts);
  }

  void publish(Script s) {
    scripts.add(s);
  }

  @Override
  public Optional<Script> latest(String id) {
    Script found = null;
    for (Script s : scripts) if (s.id().equals(id)) found = s;
    return Optional.ofNullable(found);
  }

  @Override
  public Optional<Script> version(String id, String version) {
    return scripts.stream().filter(s -> s.id().equals(id) && s.version().equals(version)).findFirst();
  }

  @Override
  public Optional<Script> forCommand(String command) {
    return scripts.stream().filter(s -> command.equals(s.command())).reduce((a, b) -> b);
  }

  @Override
  public CopingLibrary coping() {
    return coping;
  }

  @Override
  public RedFlags redFlags() {
    return flags;
  }
}
