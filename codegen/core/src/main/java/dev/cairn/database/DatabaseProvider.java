package dev.cairn.database;

import java.io.IOException;

/** Starts (or creates) a throwaway database. One implementation per way of getting one. */
@FunctionalInterface
public interface DatabaseProvider {

    ThrowawayPostgres start() throws IOException;

    /**
     * Whether {@link #start()} gives the embedded server, whose data directory can come from a
     * snapshot ({@link #startFrom}). Other providers always start from an empty database.
     */
    default boolean isEmbedded() {
        return false;
    }

    /** The embedded server on a copy of {@code seed} instead of a fresh initdb; only when {@link #isEmbedded()}. */
    default ThrowawayPostgres startFrom(EmbeddedPostgres.DataSeed seed) throws IOException {
        throw new UnsupportedOperationException("only the embedded server starts from a data directory");
    }

    static DatabaseProvider embedded() {
        return new DatabaseProvider() {
            @Override
            public ThrowawayPostgres start() throws IOException {
                return EmbeddedPostgres.start();
            }

            @Override
            public boolean isEmbedded() {
                return true;
            }

            @Override
            public ThrowawayPostgres startFrom(EmbeddedPostgres.DataSeed seed) throws IOException {
                return EmbeddedPostgres.start(seed);
            }
        };
    }
}
