/**
 * Loading and validating the YAML in {@code conversations/}: {@link
 * org.steady.script.ConversationLoader} turns a folder into engine models and reports every
 * problem at its 1-based position; {@link org.steady.script.LiveCatalog} serves the valid
 * versions to the engine; {@link org.steady.script.ValidateCommand} is {@code steady validate}.
 * Language reference: {@code docs/scripts.md}.
 */
package org.steady.script;
