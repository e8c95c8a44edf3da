package org.steady.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.steady.engine.Input;
import org.steady.engine.ScriptEngine;
import org.steady.script.ConversationLoader;
import org.steady.script.LoadResult;
import org.steady.script.Problem;

/**
 * {@code steady.jar chat --script ID [--inputs FILE] [--locale L] [--dir DIR] [--name NAME]
 * [--zone ZONE]}: runs a script in the terminal, printing every effect as one JSON object a line
 * ({@code {"type":"message","text":...}}). Without {@code --inputs} it reads patient lines from
 * stdin; with it, one patient input per line. A button is chosen by typing its label (or, as in
 * chat, its number); lines starting with {@code /} are commands; {@code :timeout} fires the
 * pending timer. {@code --dir} defaults to {@code $STEADY_CONVERSATIONS_DIR} or
 * {@code conversations}.
 */
public final class TerminalChat {
  private static final String USAGE =
      "usage: chat --script ID [--inputs FILE] [--locale L] [--dir DIR] [--name NAME] [--zone ZONE]";

  private TerminalChat() {}

  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    return run(args, in, out, err, Clock.systemUTC(), System.getenv("STEADY_CONVERSATIONS_DIR"));
  }

  static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Clock clock, String envDir) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("chat") && i == 0) continue;
      if (!a.startsWith("--") || i + 1 >= args.length) {
        err.println(a.startsWith("--") ? "chat: " + a + " needs a value" : "chat: unexpected argument " + a);
        err.println(USAGE);
        return 2;
      }
      opts.put(a.substring(2), args[++i]);
    }
    String scriptId = opts.get("script");
    if (scriptId == null) {
      err.println("chat: --script is required");
      err.println(USAGE);
      return 2;
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(opts.getOrDefault("zone", "UTC"));
    } catch (DateTimeException e) {
      err.println("chat: unknown time zone " + opts.get("zone"));
      return 2;
    }
    String dir = opts.getOrDefault("dir", envDir == null || envDir.isBlank() ? "conversations" : envDir);
    LoadResult loaded = ConversationLoader.load(Path.of(dir));
    if (loaded.catalog().latest(scriptId).isEmpty()) {
      for (Problem p : loaded.problems()) err.println(p.format());
      err.println("chat: no valid script '" + scriptId + "' in " + dir);
      return 1;
    }
    ChatSession session = new ChatSession(new ScriptEngine(loaded.catalog()), clock, out,
        opts.getOrDefault("locale", "en"), zone, opts.get("name"));
    session.send(new Input.Start(scriptId));
    String file = opts.get("inputs");
    try (BufferedReader reader = file == null
        ? new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      boolean interactive = file == null;
      if (interactive) err.print("> ");
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!interactive) err.println("> " + line);
        String problem = session.line(line);
        if (problem != null) err.println("chat: " + problem);
        if (interactive) err.print("> ");
      }
    } catch (IOException e) {
      err.println("chat: cannot read " + (file == null ? "stdin" : file) + ": " + e.getMessage());
      return 1;
    }
    return 0;
  }
}
