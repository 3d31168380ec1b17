/**
 * Internal: lock, freshness, lint, database, migrate, generate, publish or compare. Use {@link dev.cairn.build.Goals}.
 */
package dev.cairn.pipeline;
