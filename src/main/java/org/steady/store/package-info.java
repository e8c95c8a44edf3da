/**
 * MongoDB documents and repositories (through the official sync driver), the embedded
 * MongoDB-wire server used when no {@code MONGODB_URI} is given, and the outbox with its relay.
 * Single-document atomic updates and deterministic ids only: the embedded server has no
 * multi-document transactions.
 */
@NullMarked
package org.steady.store;

import org.jspecify.annotations.NullMarked;
