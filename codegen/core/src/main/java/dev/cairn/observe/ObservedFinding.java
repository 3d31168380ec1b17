package dev.cairn.observe;

import dev.cairn.lint.Severity;

/**
 * A fact about one migration that PostgreSQL showed, turned into advice.
 *
 * @param script   the migration's file name
 * @param relation the existing relation it is about
 * @param rule     the rule id (suppress with {@code -- lint:ignore <rule> reason: ...} in the migration)
 * @param severity the rule's default severity
 * @param text     what was observed, e.g. "rewrote public.events (relfilenode changed) under ACCESS EXCLUSIVE"
 */
public record ObservedFinding(String script, String relation, String rule, Severity severity, String text) {
}
