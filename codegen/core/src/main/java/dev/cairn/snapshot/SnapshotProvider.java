package dev.cairn.snapshot;

import dev.cairn.database.DatabaseProvider;
import dev.cairn.database.ThrowawayPostgres;
import dev.cairn.migrate.FlywaySettings;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts the embedded server on the newest snapshot the chain extends, or from zero. A snapshot
 * the server does not start on, or whose history does not say what its description says (a
 * copy killed half-way, a disk that lost files), is discarded and the run goes from zero,
 * saying so. {@code reuse=false} (CI, --force) always starts from zero and still stores the result.
 */
public final class SnapshotProvider implements DatabaseProvider {

    private final DatabaseProvider embedded;
    private final SnapshotCache cache;
    private final SnapshotEnvironment env;
    private final MigrationChain chain;
    private final FlywaySettings flyway;
    private final boolean reuse;
    private final Consumer<String> warn;
    private final WarmStart warm;

    public SnapshotProvider(DatabaseProvider embedded, SnapshotCache cache, SnapshotEnvironment env, MigrationChain chain,
                            FlywaySettings flyway, boolean reuse, Consumer<String> warn) {
        this(embedded, cache, env, chain, flyway, reuse, warn, null);
    }

    /** @param warm a loop's server started ahead ({@code null}: none) */
    SnapshotProvider(DatabaseProvider embedded, SnapshotCache cache, SnapshotEnvironment env, MigrationChain chain,
                     FlywaySettings flyway, boolean reuse, Consumer<String> warn, WarmStart warm) {
        if (!embedded.isEmbedded()) throw new IllegalArgumentException("snapshots need the embedded server");
        this.embedded = embedded;
        this.cache = cache;
        this.env = env;
        this.chain = chain;
        this.flyway = flyway;
        this.reuse = reuse;
        this.warn = warn;
        this.warm = warm;
    }

    @Override
    public ThrowawayPostgres start() throws IOException {
        Optional<Snapshot> best = reuse ? cache.best(env, chain) : Optional.empty();
        Optional<String> notice = Optional.empty();
        if (best.isPresent()) {
            Snapshot s = best.get();
            ThrowawayPostgres db = null;
            try {
                Optional<ThrowawayPostgres> ahead = warm == null ? Optional.empty() : warm.take(s);
                boolean startedAhead = ahead.isPresent();
                db = startedAhead ? ahead.get() : embedded.startFrom(data -> cache.copyOut(s, data));
                List<String> history = SnapshotDatabase.history(db, flyway);
                List<String> expected = s.applied().stream().map(MigrationChain.Step::version).toList();
                if (!SnapshotDatabase.holds(history, expected, expected.size())) {
                    throw new IOException("its history holds " + history.size() + " migrations, its description " + expected.size());
                }
                return new SnapshotDatabase(db, best, Optional.empty(), cache, env, chain, warn)
                        .withWarmStart(warm, embedded, startedAhead);
            } catch (IOException | SQLException | RuntimeException e) {
                if (db != null) db.close();
                cache.discard(s);
                notice = Optional.of("snapshot " + s.label() + " unusable (" + firstLine(e) + "): discarded, migrating from zero");
            }
        }
        if (warm != null) warm.discard();
        return new SnapshotDatabase(embedded.start(), Optional.empty(), notice, cache, env, chain, warn)
                .withWarmStart(warm, embedded, false);
    }

    @Override
    public boolean isEmbedded() {
        return true;
    }

    /** The message's first line; when it introduces the server's log, the log's FATAL/PANIC (else first) line too. */
    private static String firstLine(Exception e) {
        List<String> lines = String.valueOf(e.getMessage()).strip().lines().toList();
        String first = lines.getFirst();
        if (first.endsWith(":")) {
            List<String> log = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
            first = first.substring(0, first.length() - 1) + log.stream().filter(l -> l.contains("FATAL") || l.contains("PANIC"))
                    .findFirst().or(() -> log.stream().findFirst())
                    .map(l -> ": " + l.replaceFirst(".*?(FATAL|PANIC):\\s*", "").strip()).orElse("");
        }
        return first.length() > 200 ? first.substring(0, 197) + "..." : first;
    }
}
