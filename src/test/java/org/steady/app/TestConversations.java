package org.steady.app;

/** A valid conversations folder for tests that do not care about content. */
final class TestConversations {
  static final String DIR = "src/test/resources/testdata/valid";

  private TestConversations() {}
}
