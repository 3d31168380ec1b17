/**
 * Public API: the goals (generate, lint, verify-undo, lock, watch) over one configuration, as this
 * repository's own build and the jOOQ Database call them; {@link dev.cairn.build.MavenGoal} is the
 * Maven plugin's door into them from its own class realm.
 */
package dev.cairn.build;
