/**
 * Internal: the migration files (one type, one name parser, one scan), Flyway's configuration and the migrate step.
 */
package dev.cairn.migrate;
