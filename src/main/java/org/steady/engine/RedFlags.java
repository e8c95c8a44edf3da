package org.steady.engine;

import java.util.List;
import java.util.Optional;

/**
 * The staff-editable red-flag lists ({@code conversations/red-flags/<locale>.yaml}), one per
 * shipped locale. Every free-text message is screened against all of them, whatever the
 * patient's language; a match raises an urgent escalation whatever the step. Matching handles
 * negation ("no seizures"), inflections and common misspellings, and when in doubt it matches.
 */
public record RedFlags(List<RedFlagList> lists) {
  public RedFlags {
    lists = List.copyOf(lists);
  }

  /** One locale's list: negation words, and categories with their patterns. */
  public record RedFlagList(String locale, List<String> negations, List<Category> categories) {
    public RedFlagList {
      negations = List.copyOf(negations);
      categories = List.copyOf(categories);
    }
  }

  /**
   * A category such as {@code seizure}. Patterns are phrases, case-insensitive; a word ending in
   * {@code *} matches any ending ("seiz*"). {@code indirect} marks phrases that are never negated
   * ("better off without me").
   */
  public record Category(String id, String label, List<String> patterns, List<String> indirect) {
    public Category {
      patterns = List.copyOf(patterns);
      indirect = List.copyOf(indirect);
    }
  }

  /** A match: which category, which locale list, which pattern. */
  public record Match(String category, String label, String locale, String pattern) {}

  /** Screens a message; implemented in {@code org.steady.engine.redflag}. */
  public Optional<Match> screen(String text) {
    return org.steady.engine.redflag.Screen.screen(this, text);
  }
}
