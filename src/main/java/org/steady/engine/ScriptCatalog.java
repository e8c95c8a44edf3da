package org.steady.engine;

import java.util.Optional;

/**
 * The scripts, coping prompts and red-flag lists the engine runs on. The {@code script} package
 * implements it from {@code conversations/}; tests build one in memory.
 *
 * <p>Every loaded version stays available: a conversation that started on version N finishes on
 * version N even after a newer version was published.
 */
public interface ScriptCatalog {

  /** The newest valid version of a script. */
  Optional<Script> latest(String scriptId);

  /** A specific version (content hash) of a script. */
  Optional<Script> version(String scriptId, String version);

  /** The script whose header declares {@code command: <name>}, e.g. "cope". */
  Optional<Script> forCommand(String command);

  CopingLibrary coping();

  RedFlags redFlags();
}
