/**
 * Internal (used by cairn-testing): where the throwaway PostgreSQL comes from (embedded, Testcontainers, an existing server, offline).
 */
package dev.cairn.database;
