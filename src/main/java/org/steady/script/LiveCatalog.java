package org.steady.script;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.steady.engine.CopingLibrary;
import org.steady.engine.RedFlags;
import org.steady.engine.Script;
import org.steady.engine.ScriptCatalog;

/**
 * The scripts the app serves, swapped atomically on reload. Every version ever loaded stays
 * available ({@link #version}) so that a conversation started on version N finishes on N; a file
 * whose new content is refused keeps its previous version serving as the latest. Thread-safe:
 * readers see one immutable snapshot; {@link #apply} is serialised.
 */
public final class LiveCatalog implements ScriptCatalog {
  private record Snapshot(
      Map<String, Map<String, Script>> versions,
      Map<String, Script> latest,
      CopingLibrary coping,
      boolean hasCoping,
      Map<String, RedFlags.RedFlagList> flags) {}

  /** What a load refused: these keep their previous content when the load is applied. */
  record Refused(Set<String> scripts, boolean coping, Set<String> locales) {
    static final Refused NONE = new Refused(Set.of(), false, Set.of());
  }

  private volatile Snapshot snapshot;
  private final Refused refused;

  /** An empty catalog, to {@link #apply} loads to. */
  public LiveCatalog() {
    this(List.of(), null, List.of(), Refused.NONE);
  }

  LiveCatalog(
      List<Script> scripts, CopingLibrary coping, List<RedFlags.RedFlagList> lists, Refused refused) {
    Map<String, Map<String, Script>> versions = new HashMap<>();
    Map<String, Script> latest = new TreeMap<>();
    for (Script s : scripts) {
      versions.computeIfAbsent(s.id(), k -> new LinkedHashMap<>()).put(s.version(), s);
      latest.put(s.id(), s);
    }
    Map<String, RedFlags.RedFlagList> flags = new TreeMap<>();
    for (RedFlags.RedFlagList l : lists) {
      flags.put(l.locale(), l);
    }
    this.snapshot = freeze(versions, latest, coping, flags);
    this.refused = refused;
  }

  private static Snapshot freeze(
      Map<String, Map<String, Script>> versions,
      Map<String, Script> latest,
      CopingLibrary coping,
      Map<String, RedFlags.RedFlagList> flags) {
    Map<String, Map<String, Script>> v = new HashMap<>();
    versions.forEach((id, byVersion) -> v.put(id, Map.copyOf(byVersion)));
    return new Snapshot(
        Map.copyOf(v),
        java.util.Collections.unmodifiableMap(new TreeMap<>(latest)),
        coping == null ? new CopingLibrary(List.of()) : coping,
        coping != null,
        java.util.Collections.unmodifiableMap(new TreeMap<>(flags)));
  }

  /**
   * Publishes what {@code result} loaded: its valid scripts become the latest versions (older
   * versions stay reachable), scripts whose files were refused keep their previous version, and
   * scripts whose files are gone stop being offered for new conversations.
   */
  public synchronized void apply(LoadResult result) {
    Snapshot old = snapshot;
    Snapshot next = result.catalog().snapshot;
    Refused r = result.catalog().refused;
    Map<String, Map<String, Script>> versions = new HashMap<>();
    old.versions.forEach((id, m) -> versions.put(id, new LinkedHashMap<>(m)));
    next.versions.forEach(
        (id, m) -> versions.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(m));
    Map<String, Script> latest = new TreeMap<>(next.latest);
    old.latest.forEach((id, s) -> {
      if (!latest.containsKey(id) && r.scripts().contains(id)) {
        latest.put(id, s);
      }
    });
    CopingLibrary coping =
        next.hasCoping ? next.coping : (r.coping() && old.hasCoping ? old.coping : null);
    Map<String, RedFlags.RedFlagList> flags = new TreeMap<>(next.flags);
    old.flags.forEach((locale, l) -> {
      if (!flags.containsKey(locale) && r.locales().contains(locale)) {
        flags.put(locale, l);
      }
    });
    snapshot = freeze(versions, latest, coping, flags);
  }

  @Override
  public Optional<Script> latest(String scriptId) {
    return Optional.ofNullable(snapshot.latest.get(scriptId));
  }

  @Override
  public Optional<Script> version(String scriptId, String version) {
    Map<String, Script> byVersion = snapshot.versions.get(scriptId);
    return Optional.ofNullable(byVersion == null ? null : byVersion.get(version));
  }

  @Override
  public Optional<Script> forCommand(String command) {
    return snapshot.latest.values().stream()
        .filter(s -> command.equals(s.command()))
        .findFirst();
  }

  @Override
  public CopingLibrary coping() {
    return snapshot.coping;
  }

  @Override
  public RedFlags redFlags() {
    return new RedFlags(new ArrayList<>(snapshot.flags.values()));
  }

  /** The latest version of every script, by id. */
  public List<Script> scripts() {
    List<Script> out = new ArrayList<>(snapshot.latest.values());
    out.sort(Comparator.comparing(Script::id));
    return out;
  }

  /** Whether a coping-prompts file is loaded. */
  public boolean hasCoping() {
    return snapshot.hasCoping;
  }
}
