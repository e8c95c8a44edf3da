package org.steady.store;

/** The configured MongoDB could not be reached at start-up; the message is one plain sentence. */
public class StoreUnreachableException extends RuntimeException {
  public StoreUnreachableException(String sentence, Throwable cause) {
    super(sentence, cause);
  }
}
