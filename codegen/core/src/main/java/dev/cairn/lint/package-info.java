/**
 * Internal: the migration lint, one rule per check.
 */
package dev.cairn.lint;
