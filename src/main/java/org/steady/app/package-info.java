/** The Spring Boot application: main class, configuration, start-up checks and wiring. */
@NullMarked
package org.steady.app;

import org.jspecify.annotations.NullMarked;
