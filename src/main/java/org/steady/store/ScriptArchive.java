package org.steady.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@code script_versions} collection: the source of every conversation file version the app
 * has loaded ({@code version} = the loader's content hash), so that after a restart a
 * conversation pinned to an older version can still finish on it.
 */
@Component
public class ScriptArchive {
  private final MongoCollection<Document> col;
  private final MongoCollection<Document> sessions;
  private final Clock clock;

  public ScriptArchive(MongoDatabase db, Clock clock) {
    this.col = db.getCollection(Collections.SCRIPT_VERSIONS);
    this.sessions = db.getCollection(Collections.SESSIONS);
    this.clock = clock;
  }

  /** One archived file version. */
  public record Source(String path, String version, String text) {}

  /** Keeps a file version (idempotent). {@code path} is relative to the conversations folder. */
  public void remember(String scriptId, String path, String version, String text) {
    col.updateOne(Filters.eq("_id", path + "@" + version), Updates.combine(
            Updates.setOnInsert("scriptId", scriptId), Updates.setOnInsert("path", path),
            Updates.setOnInsert("version", version), Updates.setOnInsert("source", text),
            Updates.setOnInsert("firstLoadedAt", Date.from(clock.instant()))),
        new UpdateOptions().upsert(true));
  }

  public Optional<Source> find(String scriptId, String version) {
    Document d = col.find(Filters.and(Filters.eq("scriptId", scriptId),
        Filters.eq("version", version))).first();
    return Optional.ofNullable(d)
        .map(x -> new Source(x.getString("path"), x.getString("version"), x.getString("source")));
  }

  /** Every (script id, version) that a stored conversation is running on. */
  public Set<List<String>> pinned() {
    Set<List<String>> out = new LinkedHashSet<>();
    for (Document s : sessions.find(Filters.exists("state.frames.0"))
        .projection(new Document("state.frames", 1))) {
      Document state = s.get("state", Document.class);
      for (Document f : state.getList("frames", Document.class, List.of())) {
        out.add(List.of(f.getString("scriptId"), f.getString("scriptVersion")));
      }
    }
    return out;
  }
}
