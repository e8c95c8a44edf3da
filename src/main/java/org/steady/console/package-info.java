/** The staff side: the admin HTTP API's authentication (and later the web console). */
@NullMarked
package org.steady.console;

import org.jspecify.annotations.NullMarked;
