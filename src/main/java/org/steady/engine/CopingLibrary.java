package org.steady.engine;

import java.util.List;

/**
 * The coping prompts staff keep in {@code conversations/coping-prompts.yaml}. A {@code coping}
 * step picks one by tag (never the one shown just before) and always offers to skip it.
 */
public record CopingLibrary(List<Prompt> prompts) {
  public CopingLibrary {
    prompts = List.copyOf(prompts);
  }

  /** One prompt: a short title (button label) and the body, both localised templates. */
  public record Prompt(String id, List<String> tags, LocalText title, LocalText body) {
    public Prompt {
      tags = List.copyOf(tags);
    }
  }
}
