package org.steady.script;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.steady.engine.CopingLibrary;
import org.steady.engine.LocalText;

/** Reads a {@code kind: coping-prompts} file. */
final class CopingReader {
  static final Set<String> KEYS = Set.of("kind", "locales", "sources", "review", "prompts");

  /** What was read: the prompts that are complete, and every tag any prompt carries. */
  record Read(List<CopingLibrary.Prompt> prompts, Set<String> tags) {}

  private CopingReader() {}

  static Read read(Fields f, Report report, boolean requireReviewed) {
    f.allow(KEYS);
    f.require("sources", "review", "prompts");
    List<String> locales = Headers.locales(f);
    Headers.sources(f);
    Headers.review(f, "the coping-prompts file", requireReviewed);
    Exprs exprs = new Exprs(report);
    Texts texts = new Texts(report, locales, exprs);
    List<CopingLibrary.Prompt> prompts = new ArrayList<>();
    Set<String> tags = new HashSet<>();
    Set<String> ids = new HashSet<>();
    List<Node> nodes = f.list("prompts");
    if (nodes != null && nodes.isEmpty()) {
      report.error(f.value("prompts"), "\"prompts\" is empty");
    }
    for (Node n : nodes == null ? List.<Node>of() : nodes) {
      Fields p = Fields.of(n, "a prompt", report);
      if (p == null) {
        continue;
      }
      p.allow(Set.of("id", "tags", "title", "body"));
      p.require("id", "tags", "title", "body");
      String id = p.string("id");
      if (id != null && !ids.add(id)) {
        report.error(p.value("id"), "prompt id \"" + id + "\" is used twice");
      }
      List<String> promptTags = p.strings("tags");
      if (promptTags != null) {
        tags.addAll(promptTags);
        if (promptTags.isEmpty()) {
          report.error(p.value("tags"), "prompt \"" + id + "\" needs at least one tag");
        }
      }
      LocalText title = texts.read(p, "title");
      LocalText body = texts.read(p, "body");
      if (id != null && promptTags != null && title != null && body != null) {
        prompts.add(new CopingLibrary.Prompt(id, promptTags, title, body));
      }
    }
    Vars.checkUndefined(exprs, List.of(), report); // prompts see only patient.*, today, now_hour
    return new Read(prompts, tags);
  }
}
