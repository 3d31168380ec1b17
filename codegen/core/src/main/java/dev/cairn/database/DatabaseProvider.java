package dev.cairn.database;

import java.io.IOException;

/** Starts (or creates) a throwaway database. One implementation per way of getting one. */
@FunctionalInterface
public interface DatabaseProvider {

    ThrowawayPostgres start() throws IOException;

    static DatabaseProvider embedded() {
        return EmbeddedPostgres::start;
    }
}
