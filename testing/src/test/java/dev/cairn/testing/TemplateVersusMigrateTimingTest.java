package dev.cairn.testing;

import dev.cairn.database.DatabaseChoice;
import dev.cairn.migrate.FlywayFactory;
import dev.cairn.migrate.MigrationLocations;
import dev.cairn.migrate.Migrator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Prints (never asserts) the cost of a fresh database made from the template against re-running
 * every migration of the real schema. Migrations: the schema jar on the class path, or
 * {@code -Dcairn.timing.project=<checkout>} for a checkout's schema/src/main/resources/db.
 * Runs only when asked: {@code -Dcairn.timing=true}.
 */
class TemplateVersusMigrateTimingTest {

    @Test
    void templateCopyVersusMigrations() throws Exception {
        String project = System.getProperty("cairn.timing.project");
        // A measurement, not a check: it runs on request (bench/run does), not in every verify.
        assumeTrue(project != null || Boolean.getBoolean("cairn.timing"),
                "SKIPPED: timing run; pass -Dcairn.timing=true (or -Dcairn.timing.project=<checkout>)");
        MigrationLocations real = project != null
                ? MigrationLocations.ofProject(Path.of(project))
                : MigrationLocations.classpath();
        if (project != null) assertTrue(Files.isDirectory(Path.of(project, "schema/src/main/resources/db/migration")));
        int rounds = Integer.getInteger("cairn.timing.rounds", 10);
        assumeTrue(project != null || getClass().getResource("/db/migration") != null,
                "SKIPPED: no schema migrations on the class path; pass -Dcairn.timing.project=<checkout>");
        try (TemplateServer server = TemplateServer.start(DatabaseChoice.fromSystem())) {
            long t0 = System.nanoTime();
            server.template(real);
            double templateMs = ms(t0);

            List<Double> copy = new ArrayList<>();
            List<Double> direct = new ArrayList<>();
            List<Double> migrate = new ArrayList<>();
            int applied = 0;
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                TestDatabase db = server.copy(real); // what a test waits: the copy made ahead while the previous round ran
                copy.add(ms(t));
                server.drop(db);

                t = System.nanoTime();
                TestDatabase now = server.copyNow(real); // the copy by itself
                direct.add(ms(t));
                server.drop(now);

                TestDatabase empty = server.copy(new MigrationLocations(List.of("classpath:db/empty")));
                t = System.nanoTime();
                applied = Migrator.migrate(FlywayFactory.configure(empty.jdbcUrl(), empty.user(), empty.password(), real).load()).applied();
                migrate.add(ms(t));
                server.drop(empty);
            }
            System.out.printf("%n[timing] %s, %d rounds, real schema: %d migrations (%s)%n", server.description(), rounds,
                    applied, real.flywayLocations());
            System.out.printf("[timing] template migrated once:          %7.1f ms%n", templateMs);
            System.out.printf("[timing] fresh database, prefetched:      median %6.1f ms, max %6.1f ms (what a test waits)%n", median(copy), Collections.max(copy));
            System.out.printf("[timing] fresh database via TEMPLATE:     median %6.1f ms, max %6.1f ms (the copy itself)%n", median(direct), Collections.max(direct));
            System.out.printf("[timing] fresh database via migrations:   median %6.1f ms, max %6.1f ms%n", median(migrate), Collections.max(migrate));
            assertTrue(applied > 0, "migrations ran");
        }
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
