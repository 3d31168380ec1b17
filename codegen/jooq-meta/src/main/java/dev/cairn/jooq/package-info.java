/**
 * Public API: {@link dev.cairn.jooq.MigrationsDatabase}, a jOOQ {@code Database} that migrates a throwaway
 * PostgreSQL and reads its catalog, for jooq-codegen-maven, jOOQ's Gradle plugin and {@code GenerationTool}.
 */
package dev.cairn.jooq;
