/**
 * Internal: what each migration did on the throwaway PostgreSQL, as PostgreSQL reports it (locks
 * held at the end of the migration's transaction, relations rewritten, full scans, index builds,
 * constraints validated) on relations that existed before it. Lock modes and rewrites do not
 * depend on data volume, so an empty database shows the ones production would take.
 */
package dev.cairn.observe;
