/**
 * The embedded store's storage engine: mongo-java-server's H2 MVStore backend with the parts
 * Steady needs from a database and that upstream leaves out. Index keys are ordered by BSON value
 * order instead of by their Java-serialised bytes (upstream serialises both keys of every
 * comparison, which made each lookup by {@code _id} cost about as much as the rest of the
 * command); secondary indexes are real, persisted and used for equality, {@code $in} and range
 * filters; a query uses the index that narrows it most; and a commit never lands between the
 * document and index writes of one command.
 */
@NullMarked
package org.steady.store.embedded;

import org.jspecify.annotations.NullMarked;
