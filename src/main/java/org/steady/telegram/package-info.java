/**
 * Telegram channel: turns Bot API updates into channel-neutral {@code Inbound} events (long
 * polling or a secret-checked webhook) and carries outbox entries out through the Bot API with
 * pacing, signed buttons and error mapping. No business rules live here.
 */
@NullMarked
package org.steady.telegram;

import org.jspecify.annotations.NullMarked;
