package org.steady.schedule;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code taper-plan} command line, parsed: which action, for which patient, with what. It
 * checks only the shape of the arguments; the plan itself is checked by the app's API, so that
 * the command line and the HTTP API can never disagree about what a valid plan is.
 *
 * @param steps the raw {@code --step} values in the order given, e.g. {@code
 *     2026-12-01,diazepam,9 mg a day}
 * @param url the {@code --url} value, already checked to be an http(s) address
 */
record TaperPlanArgs(String action, @Nullable String patientId, @Nullable String file,
    List<String> steps, @Nullable String prescriber, @Nullable String enteredBy,
    boolean unreachable, @Nullable String url) {

  static final String USAGE = String.join("\n",
      "usage: steady taper-plan show PATIENT_ID [--url URL]",
      "       steady taper-plan set PATIENT_ID --file PLAN.json [--url URL]",
      "       steady taper-plan set PATIENT_ID --step DATE,MEDICATION,DOSE [--step ...]",
      "                         [--prescriber TEXT] [--entered-by TEXT] [--url URL]",
      "       steady taper-plan patients [--unreachable] [--url URL]",
      "The admin token is read from STEADY_ADMIN_TOKEN. URL defaults to $STEADY_URL, then "
          + TaperPlanCli.DEFAULT_URL + ".");

  static final String HELP = "help";

  private static final Map<String, Set<String>> VALUED = Map.of(
      "show", Set.of("--url"),
      "set", Set.of("--url", "--file", "--step", "--prescriber", "--entered-by"),
      "patients", Set.of("--url"));

  TaperPlanArgs {
    steps = List.copyOf(steps);
  }

  /** Bad usage: the message is one sentence; the caller adds the usage text and exits 2. */
  static final class Usage extends RuntimeException {
    Usage(String message) {
      super(message, null, false, false);
    }
  }

  boolean help() {
    return action.equals(HELP);
  }

  static TaperPlanArgs parse(String[] args) {
    if (args.length == 0) {
      throw new Usage("say what to do: show, set or patients");
    }
    String action = args[0];
    if (isHelp(action)) {
      return helpOnly();
    }
    if (!VALUED.containsKey(action)) {
      throw new Usage("unknown command " + action + " (expected show, set or patients)");
    }
    int i = 1;
    String id = null;
    if (!action.equals("patients")) {
      if (args.length > 1 && isHelp(args[1])) {
        return helpOnly();
      }
      if (args.length < 2 || args[1].startsWith("-")) {
        throw new Usage(action + " needs a PATIENT_ID (list them with taper-plan patients)");
      }
      id = args[1];
      i = 2;
    }
    return options(action, id, args, i);
  }

  private static TaperPlanArgs options(String action, @Nullable String id, String[] args, int i) {
    Map<String, String> single = new HashMap<>();
    List<String> steps = new ArrayList<>();
    boolean unreachable = false;
    for (; i < args.length; i++) {
      String a = args[i];
      if (isHelp(a)) {
        return helpOnly();
      } else if (a.equals("--unreachable") && action.equals("patients")) {
        unreachable = true;
        continue;
      } else if (a.equals("--token")) {
        throw new Usage("the admin token is read from STEADY_ADMIN_TOKEN only, never from the"
            + " command line, where ps would show it");
      } else if (!VALUED.get(action).contains(a)) {
        throw new Usage(a.startsWith("-") ? action + " does not take " + a
            : "unexpected argument " + a);
      } else if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
        throw new Usage(a + " needs a value");
      }
      String value = args[++i];
      if (a.equals("--step")) {
        steps.add(value);
      } else if (single.put(a, value) != null) {
        throw new Usage(a + " is given twice");
      }
    }
    TaperPlanArgs parsed = new TaperPlanArgs(action, id, single.get("--file"), steps,
        single.get("--prescriber"), single.get("--entered-by"), unreachable, single.get("--url"));
    parsed.checkPlanSource();
    if (parsed.url() != null && httpUri(parsed.url()) == null) {
      throw new Usage("--url must look like " + TaperPlanCli.DEFAULT_URL + ", not " + parsed.url());
    }
    return parsed;
  }

  private void checkPlanSource() {
    if (!action.equals("set")) {
      return;
    }
    if (file != null && (!steps.isEmpty() || prescriber != null || enteredBy != null)) {
      throw new Usage("--file holds the whole plan: give either --file or --step (with"
          + " --prescriber and --entered-by), not both");
    }
    if (file == null && steps.isEmpty()) {
      throw new Usage("set needs --file PLAN.json or at least one --step DATE,MEDICATION,DOSE");
    }
  }

  /** {@code text} as an http(s) base address without a trailing slash, or null if it is not one. */
  static @Nullable URI httpUri(String text) {
    try {
      URI u = new URI(text.strip().replaceAll("/+$", ""));
      String scheme = u.getScheme();
      boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      return http && u.getHost() != null && u.getQuery() == null && u.getFragment() == null
          ? u : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static boolean isHelp(String a) {
    return a.equals("-h") || a.equals("--help") || a.equals(HELP);
  }

  private static TaperPlanArgs helpOnly() {
    return new TaperPlanArgs(HELP, null, null, List.of(), null, null, false, null);
  }
}
