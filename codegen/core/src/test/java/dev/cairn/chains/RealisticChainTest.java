package dev.cairn.chains;

import dev.cairn.database.DatabaseProvider;
import dev.cairn.database.ThrowawayPostgres;
import dev.cairn.generate.CodegenSettings;
import dev.cairn.lint.LintConfig;
import dev.cairn.lint.Severity;
import dev.cairn.migrate.FlywayFactory;
import dev.cairn.migrate.FlywaySettings;
import dev.cairn.migrate.Migrator;
import dev.cairn.pipeline.Pipeline;
import dev.cairn.pipeline.PipelineOptions;
import dev.cairn.pipeline.PipelineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chain written the way teams write them (two locations, two schemas, placeholders, a custom
 * history table, dotted and underscored versions, a baseline migration, a repeatable, a callback,
 * a CONCURRENTLY index) goes through the whole pipeline and migrates as Flyway means it to.
 */
class RealisticChainTest {

    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>();

    @Test
    void pipelineMigratesTheChainAndGeneratesItsTables() throws Exception {
        RealisticChain chain = RealisticChain.copyTo(dir);
        Path out = dir.resolve("generated");
        PipelineOptions options = new PipelineOptions(chain.locations(), out,
                new CodegenSettings("com.example.db", "app", "schema_version"))
                .withFlyway(chain.flyway())
                .withLockFile(chain.root().resolve("db/migrations.lock"))
                .withFingerprintFile(dir.resolve("codegen.fingerprint"));

        PipelineResult r;
        try {
            r = new Pipeline(DatabaseProvider.embedded(), lines::add).run(options);
        } catch (RuntimeException e) {
            throw new AssertionError(String.join("\n", lines), e);
        }

        // A fresh database: the baseline B1_20_0 instead of V1 .. V1_20_0 (and V1_10 of db/tenant),
        // then V1_20_3, V1_20_4, the two 2024 versions and the repeatable views.
        assertEquals(6, r.migrationsApplied(), String.join("\n", lines));
        assertEquals("2024.01.01.1300", r.schemaVersion());
        Path pkg = out.resolve("com/example/db");
        for (String table : List.of("Accounts", "Projects", "Tasks", "TenantSettings", "ProjectOverview")) {
            assertTrue(Files.exists(pkg.resolve("tables/" + table + ".java")), table + " generated: " + lines);
        }
        assertTrue(Files.exists(pkg.resolve("enums/AccountRole.java")));
        assertTrue(Files.exists(pkg.resolve("enums/TaskState.java")));
        assertTrue(Files.readString(pkg.resolve("tables/Accounts.java")).contains("DSL.name(\"full_name\")"));
        assertTrue(Files.readString(pkg.resolve("tables/Projects.java")).contains("DSL.name(\"due_date\")"));
        assertTrue(Files.notExists(pkg.resolve("tables/SchemaVersion.java")), "the history table is not generated");
        // The lock holds versioned and baseline migrations; the repeatable and the callback may change.
        String lock = Files.readString(chain.root().resolve("db/migrations.lock"));
        assertTrue(lock.contains("1.20.0 migration/B1_20_0__baseline.sql "), lock);
        assertTrue(lock.contains("1.1 migration/V1_1__create_projects.sql "), lock);
        assertTrue(lock.contains("1.10 tenant/V1_10__create_tenant_settings.sql "), lock);
        assertTrue(!lock.contains("R__views.sql") && !lock.contains("beforeMigrate.sql"), lock);
        // The chain is clean under the default lint rules (missing-undo is a warning).
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("lint") && l.contains("0 errors")), String.join("\n", lines));
    }

    @Test
    void flywayAppliesBaselineCallbackPlaceholdersBothSchemasAndOutOfOrder() throws Exception {
        RealisticChain chain = RealisticChain.copyTo(dir);
        FlywaySettings flyway = chain.flyway();
        try (ThrowawayPostgres db = DatabaseProvider.embedded().start(); Connection c = db.connect();
             Statement s = c.createStatement()) {
            Migrator.Result first = Migrator.migrate(FlywayFactory.configure(db.jdbcUrl(), db.user(), db.password(), flyway).load());
            assertEquals(6, first.applied());

            assertEquals(List.of("B1_20_0__baseline.sql", "V1_20_3__add_task_counts.sql", "V1_20_4__add_tenant_locale.sql",
                            "V2024.01.01.1200__add_projects_due_date.sql", "V2024.01.01.1300__index_projects_due_date.sql",
                            "R__views.sql"),
                    strings(s, "SELECT script FROM app.schema_version WHERE success AND script LIKE '%.sql' ORDER BY installed_rank"));
            // the callback made the role the GRANTs need; the placeholders were replaced
            assertEquals(List.of("tracker_app"), strings(s, "SELECT rolname FROM pg_roles WHERE rolname = 'tracker_app'"));
            assertEquals(List.of("acme"), strings(s, "INSERT INTO app.tenant_settings DEFAULT VALUES RETURNING tenant"));
            // the audit schema's trigger fires on the app schema's table
            s.execute("INSERT INTO app.accounts (email, first_name, last_name) VALUES ('Ada@Example.com', 'Ada', 'Lovelace')");
            s.execute("INSERT INTO app.projects (owner_id, name) SELECT id, 'Engine' FROM app.accounts");
            assertEquals(List.of("INSERT"), strings(s, "SELECT operation FROM audit.project_changes"));
            assertEquals(List.of("Ada Lovelace"), strings(s, "SELECT owner_name FROM app.project_overview"));
            assertEquals(List.of("90"), strings(s,
                    "SELECT round(extract(epoch FROM expires_at - changed_at) / 86400)::int::text FROM audit.project_changes"));
            assertEquals(List.of("projects_due_date_idx"), strings(s,
                    "SELECT indexname FROM pg_indexes WHERE schemaname = 'app' AND indexname = 'projects_due_date_idx'"));

            // outOfOrder: a hotfix version below the newest applied one still runs.
            Files.writeString(chain.root().resolve("db/tenant/V1_20_5__add_tenant_contact.sql"),
                    "ALTER TABLE app.tenant_settings ADD COLUMN IF NOT EXISTS contact_email public.citext;\n");
            Migrator.Result second = Migrator.migrate(FlywayFactory.configure(db.jdbcUrl(), db.user(), db.password(), flyway).load());
            assertEquals(1, second.applied());
            assertEquals(List.of("contact_email"), strings(s, "SELECT column_name FROM information_schema.columns"
                    + " WHERE table_schema = 'app' AND table_name = 'tenant_settings' AND column_name = 'contact_email'"));
        }
    }

    private static List<String> strings(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
