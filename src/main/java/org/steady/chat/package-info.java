/** The shell around the engine and the channel-neutral contract every channel adapter uses. */
@NullMarked
package org.steady.chat;

import org.jspecify.annotations.NullMarked;
