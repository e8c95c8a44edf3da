package org.steady.chat;

import org.springframework.http.HttpStatus;

/** A local chat API request that cannot be served; the message is one plain sentence. */
class LocalChatException extends RuntimeException {
  private final HttpStatus status;

  LocalChatException(HttpStatus status, String sentence) {
    super(sentence);
    this.status = status;
  }

  static LocalChatException bad(String sentence) {
    return new LocalChatException(HttpStatus.BAD_REQUEST, sentence);
  }

  static LocalChatException notFound(String sentence) {
    return new LocalChatException(HttpStatus.NOT_FOUND, sentence);
  }

  HttpStatus status() {
    return status;
  }
}
