/**
 * The pure conversation engine: script model, inputs, effects, state. Imports only {@code java.*}.
 */
@NullMarked
package org.steady.engine;

import org.jspecify.annotations.NullMarked;
