import dev.cairn.database.EmbeddedPostgres;
import dev.cairn.migrate.FlywayFactory;
import dev.cairn.migrate.MigrationLocations;
import dev.cairn.migrate.Migrator;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Per-test fresh database: CREATE DATABASE ... TEMPLATE migrated_template (both strategies)
 * followed by DROP, against creating an empty database and running every migration into it.
 * Usage: FreshDatabases <project root> <n>. Prints one "RESULT name median_ms min_ms max_ms n" line each.
 */
public final class FreshDatabases {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        MigrationLocations locations = MigrationLocations.ofProject(root);
        try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
            String base = pg.jdbcUrl().substring(0, pg.jdbcUrl().lastIndexOf('/') + 1);
            try (Connection c = pg.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE migrated_template");
            }
            Migrator.migrate(FlywayFactory.configure(base + "migrated_template", pg.user(), pg.password(), locations).load());
            try (Connection c = pg.connect(); Statement s = c.createStatement()) {
                // one warm-up of each, not counted
                for (String strategy : List.of("WAL_LOG", "FILE_COPY")) {
                    s.execute("CREATE DATABASE warm TEMPLATE migrated_template STRATEGY " + strategy);
                    s.execute("DROP DATABASE warm");
                }
                for (String strategy : List.of("WAL_LOG", "FILE_COPY")) {
                    List<Double> ms = new ArrayList<>(), create = new ArrayList<>(), connect = new ArrayList<>(), drop = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        long t0 = System.nanoTime();
                        s.execute("CREATE DATABASE t" + i + " TEMPLATE migrated_template STRATEGY " + strategy);
                        long t1 = System.nanoTime();
                        try (Connection t = java.sql.DriverManager.getConnection(base + "t" + i, pg.user(), pg.password())) {
                            t.isValid(1); // a test would connect: count that too
                        }
                        long t2 = System.nanoTime();
                        s.execute("DROP DATABASE t" + i);
                        long t3 = System.nanoTime();
                        ms.add((t3 - t0) / 1e6);
                        create.add((t1 - t0) / 1e6);
                        connect.add((t2 - t1) / 1e6);
                        drop.add((t3 - t2) / 1e6);
                    }
                    String name = "template_" + strategy.toLowerCase();
                    print(name, ms);
                    print(name + "(create_only)", create);
                    print(name + "(connect_only)", connect);
                    print(name + "(drop_only)", drop);
                }
                List<Double> ms = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    s.execute("CREATE DATABASE m" + i);
                    Migrator.migrate(FlywayFactory.configure(base + "m" + i, pg.user(), pg.password(), locations).load());
                    s.execute("DROP DATABASE m" + i);
                    ms.add((System.nanoTime() - t0) / 1e6);
                }
                print("migrate_fresh", ms);
            }
        }
    }

    private static void print(String name, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        int k = sorted.size();
        double median = k % 2 == 1 ? sorted.get(k / 2) : (sorted.get(k / 2 - 1) + sorted.get(k / 2)) / 2;
        System.out.printf("RESULT %s %.1f %.1f %.1f %d%n", name, median, sorted.getFirst(), sorted.getLast(), k);
    }
}
