package dev.cairn.undo;

import dev.cairn.connect.PostgresJdbcUrl;

import dev.cairn.catalog.CatalogSnapshot;
import dev.cairn.database.ThrowawayPostgres;
import dev.cairn.migrate.FlywayFactory;
import dev.cairn.migrate.FlywaySettings;
import dev.cairn.migrate.Migrator;
import org.flywaydb.core.api.MigrationVersion;
import org.jooq.DSLContext;
import org.jooq.Meta;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderKeywordCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * DDL that would take the catalog of version n back to n-1, for a migration without an undo script:
 * jOOQ's schema diff ({@code Meta.migrateTo}) between the two states, read from live databases. The
 * state before n is built in a scratch database on the same server. It is a starting point for a
 * person to review, not a verified undo.
 */
final class SuggestedUndo {

    private static final String SCRATCH = "cairn_undo_before";

    private SuggestedUndo() {
    }

    static List<String> forStep(ThrowawayPostgres db, Connection atVersion, String schema, FlywaySettings flyway,
                                MigrationVersion previous, CatalogSnapshot before, CatalogSnapshot after)
            throws SQLException {
        Meta metaAfter = meta(atVersion, schema);
        Meta metaBefore;
        try (Statement s = atVersion.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SCRATCH);
            s.execute("CREATE DATABASE " + SCRATCH);
        }
        String url = PostgresJdbcUrl.parse(db.jdbcUrl()).withDatabase(SCRATCH);
        try {
            if (previous != null) {
                Migrator.migrate(FlywayFactory.configure(url, db.user(), db.password(), flyway).target(previous).load());
            }
            Properties props = new Properties();
            props.setProperty("user", db.user());
            if (db.password() != null) props.setProperty("password", db.password());
            try (Connection c = DriverManager.getConnection(url, props)) {
                metaBefore = meta(c, schema);
            }
        } finally {
            try (Statement s = atVersion.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + SCRATCH);
            }
        }
        List<String> jooq = render(metaAfter.migrateTo(metaBefore).queries());
        return complete(jooq, before, after);
    }

    private static Meta meta(Connection c, String schema) {
        return DSL.using(c, SQLDialect.POSTGRES).meta()
                .filterSchemas(s -> s.getName().equals(schema))
                .filterTables(t -> !t.getName().equals(FlywayHistory.TABLE))
                .snapshot();
    }

    private static List<String> render(Query[] queries) {
        DSLContext ctx = DSL.using(SQLDialect.POSTGRES, new Settings()
                .withRenderSchema(false)
                .withRenderKeywordCase(RenderKeywordCase.UPPER)
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED));
        List<String> out = new ArrayList<>();
        for (Query q : queries) out.add(ctx.render(q) + ";");
        return out;
    }

    /**
     * jOOQ's diff of JDBC metadata does not see PostgreSQL enum types, and may miss expression or
     * partial indexes; those come from the catalog snapshots. Enum types are created first and
     * dropped last, since tables depend on them.
     */
    static List<String> complete(List<String> jooq, CatalogSnapshot before, CatalogSnapshot after) {
        List<String> first = new ArrayList<>();
        List<String> last = new ArrayList<>();
        String all = String.join("\n", jooq).toLowerCase();
        before.enums().forEach((name, labels) -> {
            List<String> now = after.enums().get(name);
            if (now == null) {
                first.add("CREATE TYPE " + name + " AS ENUM ("
                        + String.join(", ", labels.stream().map(l -> "'" + l.replace("'", "''") + "'").toList()) + ");");
            } else if (!now.equals(labels)) {
                last.add("-- enum " + name + " is " + now + ", was " + labels
                        + ": PostgreSQL cannot remove enum values; re-create the type (and the columns using it)");
            }
        });
        after.enums().keySet().stream().filter(n -> !before.enums().containsKey(n))
                .forEach(n -> last.add("DROP TYPE IF EXISTS " + n + ";"));
        // Index drops: jOOQ's, plus any it missed (not for tables that are dropped anyway).
        List<String> indexes = new ArrayList<>();
        after.indexes().forEach((name, idx) -> {
            CatalogSnapshot.Index was = before.indexes().get(name);
            boolean tableGoes = !before.tables().containsKey(idx.table());
            if ((was == null || !was.shape().equals(idx.shape())) && !tableGoes && !mentions(all, "drop index " + name)) {
                indexes.add("DROP INDEX IF EXISTS " + name + ";");
            }
        });
        // Index creates: PostgreSQL's own definition, which keeps WHERE, INCLUDE, opclasses and methods.
        List<String> statements = new ArrayList<>();
        for (String q : jooq) {
            String lower = q.toLowerCase();
            boolean recreatedBelow = before.indexes().keySet().stream().anyMatch(n ->
                    lower.startsWith("create index " + n + " ") || lower.startsWith("create unique index " + n + " "));
            if (!recreatedBelow) statements.add(q);
        }
        before.indexes().forEach((name, idx) -> {
            CatalogSnapshot.Index now = after.indexes().get(name);
            if (now == null || !now.shape().equals(idx.shape())) indexes.add(idx.definition() + ";");
        });
        List<String> out = new ArrayList<>(first);
        out.addAll(statements);
        out.addAll(indexes);
        out.addAll(last);
        if (out.isEmpty()) out.add("-- no schema difference: a comment-only undo (like a data migration's) will do");
        return out;
    }

    private static boolean mentions(String sql, String what) {
        return sql.contains(what.toLowerCase());
    }
}
