package org.steady.chat;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * {@code steady.jar chat --script ID [--inputs FILE] [--locale L] [--dir DIR]}: runs a script in
 * the terminal, printing every effect as one JSON object a line. (Entry point agreed with the
 * app's main; the engine slice replaces this body.)
 */
public final class TerminalChat {
  private TerminalChat() {}

  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    err.println("chat: not built yet");
    return 2;
  }
}
