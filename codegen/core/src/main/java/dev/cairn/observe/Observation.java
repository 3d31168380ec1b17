package dev.cairn.observe;

import java.util.List;

/**
 * What one migration did, observed on the database.
 *
 * @param script        the migration's file name, e.g. {@code V61__widen_status.sql}
 * @param version       its version ("" for a repeatable migration)
 * @param transactional whether it ran in a transaction; locks are observed only then (a
 *                      CONCURRENTLY migration runs statement by statement and holds none at its end)
 * @param effects       one entry per relation that existed before it and that it touched
 */
public record Observation(String script, String version, boolean transactional, List<RelationEffect> effects) {

    public Observation {
        effects = List.copyOf(effects);
    }
}
