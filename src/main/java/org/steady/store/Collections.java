package org.steady.store;

/** Collection names, in one place. */
public final class Collections {
  public static final String PATIENTS = "patients";
  public static final String SESSIONS = "sessions";
  public static final String INBOX = "inbox";
  public static final String TRANSCRIPTS = "transcripts";
  public static final String ANSWERS = "answers";
  public static final String OUTBOX = "outbox";
  /** The outbox's priority lane: urgent entries wait here, claimed before {@link #OUTBOX}. */
  public static final String OUTBOX_URGENT = "outbox_urgent";
  public static final String OUTBOX_DONE = "outbox_done";
  public static final String LOCAL_MESSAGES = "local_messages";
  public static final String SCRIPT_VERSIONS = "script_versions";
  public static final String COUNTERS = "counters";

  private Collections() {}
}
