/**
 * Public API: the goals (generate, lint, verify-undo) over one configuration, as the Maven plugin, the jOOQ Database and this repository's own build call them.
 */
package dev.cairn.build;
