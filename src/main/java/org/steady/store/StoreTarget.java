package org.steady.store;

import com.mongodb.ConnectionString;

/**
 * Which MongoDB the app talks to, without credentials (safe to print).
 *
 * @param embedded true when the app started its own embedded store
 * @param hosts host:port list from the connection string
 * @param database database name
 * @param timeoutSeconds how long start-up waits for the server
 */
public record StoreTarget(boolean embedded, String hosts, String database, int timeoutSeconds) {

  public static StoreTarget of(String uri, boolean embedded, int timeoutSeconds) {
    ConnectionString cs = new ConnectionString(uri);
    String db = cs.getDatabase();
    db = db == null || db.isBlank() ? "steady" : db;
    return new StoreTarget(embedded, String.join(",", cs.getHosts()), db, timeoutSeconds);
  }
}
