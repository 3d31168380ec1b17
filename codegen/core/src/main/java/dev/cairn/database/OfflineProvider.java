package dev.cairn.database;

import dev.cairn.files.FileTrees;
import org.flywaydb.core.api.MigrationVersion;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.conf.Settings;
import org.jooq.meta.extensions.ddl.DDLDatabase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code --database offline}: no PostgreSQL at all. jOOQ's {@link DDLDatabase} interprets the
 * migrations (parsed by jOOQ, replayed on in-memory H2) and the generator reads that. It is an
 * approximation, so it is never chosen by {@code auto}, and every statement it could not interpret
 * is listed rather than failing the run or passing silently.
 *
 * <p>How: each statement is first tried, in Flyway order, on a DDLDatabase's own interpreter
 * context (same parser settings, same H2 replay). Statements that fail there (DO blocks, some
 * PostgreSQL-only syntax, data fixes using PostgreSQL functions) are left out of a prepared copy of
 * the scripts, which the real DDLDatabase then reads during generation. Sections between
 * {@code [jooq ignore start]} and {@code [jooq ignore stop]} comments are skipped, as DDLDatabase
 * does with {@code parseIgnoreComments}.
 *
 * <p>There is no database to {@link #start()}: the pipeline asks for {@link #interpret(List)} and
 * skips its migrate stage.
 */
public final class OfflineProvider implements DatabaseProvider {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.*\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__.*\\.sql");

    private final Consumer<String> log;

    public OfflineProvider(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public ThrowawayPostgres start() {
        throw new UnsupportedOperationException("--database=offline has no database to start: the pipeline"
                + " interprets the migrations with jOOQ's DDLDatabase instead (OfflineProvider.interpret).");
    }

    /** A statement DDLDatabase could not interpret, where it is, and why. */
    public record UninterpretedStatement(String script, int line, String sql, String reason) {
        public String describe() {
            String oneLine = sql.replaceAll("\\s+", " ");
            return script + ":" + line + ": " + (oneLine.length() > 100 ? oneLine.substring(0, 97) + "..." : oneLine)
                    + "  [" + reason + "]";
        }
    }

    /**
     * The migrations interpreted: a prepared copy of the scripts for DDLDatabase (deleted on close)
     * and what was left out.
     */
    public record OfflineSchema(Path scriptsDirectory, int scripts, int statements,
                                List<UninterpretedStatement> uninterpreted, int ignoredByComment) implements AutoCloseable {

        /** The jOOQ codegen {@code <database>} reading the prepared scripts; the pipeline adds schema filters. */
        public org.jooq.meta.jaxb.Database database() {
            return new org.jooq.meta.jaxb.Database()
                    .withName(DDLDatabase.class.getName())
                    .withProperties(ddlProperties(scriptsDirectory.toString() + "/*.sql"));
        }

        @Override
        public void close() {
            FileTrees.deleteQuietly(scriptsDirectory);
        }
    }

    static List<org.jooq.meta.jaxb.Property> ddlProperties(String scripts) {
        List<org.jooq.meta.jaxb.Property> props = new ArrayList<>();
        props.add(new org.jooq.meta.jaxb.Property().withKey("scripts").withValue(scripts));
        props.add(new org.jooq.meta.jaxb.Property().withKey("sort").withValue("alphanumeric"));
        // PostgreSQL folds unquoted names to lower case; H2 would fold them to upper case.
        props.add(new org.jooq.meta.jaxb.Property().withKey("defaultNameCase").withValue("lower"));
        props.add(new org.jooq.meta.jaxb.Property().withKey("parseIgnoreComments").withValue("true"));
        return props;
    }

    /** Interprets the versioned (then repeatable) migrations of the directories, merged in Flyway's order. */
    public OfflineSchema interpret(List<Path> migrationDirs) throws IOException {
        List<Path> scripts = migrationScripts(migrationDirs);
        Path prepared = dev.cairn.files.OwnedFolders.create(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")), "cairn-offline-");
        List<UninterpretedStatement> failed = new ArrayList<>();
        int statements = 0;
        int ignored = 0;
        try (ProbingDdlDatabase probe = new ProbingDdlDatabase()) {
            DSLContext ctx = probe.interpreter();
            Settings s = ctx.settings();
            int index = 0;
            for (Path script : scripts) {
                String text = Files.readString(script, StandardCharsets.UTF_8);
                String kept = blankIgnoredSections(text, s.getParseIgnoreCommentStart(), s.getParseIgnoreCommentStop());
                if (!kept.equals(text)) ignored++;
                StringBuilder out = new StringBuilder("-- from ").append(script.getFileName()).append('\n');
                for (SqlScriptStatements.Statement st : SqlScriptStatements.split(kept)) {
                    statements++;
                    try {
                        for (Query q : ctx.parser().parse(st.sql())) q.execute();
                        out.append(st.sql()).append(";\n");
                    } catch (RuntimeException e) {
                        failed.add(new UninterpretedStatement(script.getFileName().toString(), st.line(), st.sql(), reason(e)));
                    }
                }
                Files.writeString(prepared.resolve(String.format("%05d_%s", index++, script.getFileName())), out);
            }
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteQuietly(prepared);
            throw e;
        }
        OfflineSchema schema = new OfflineSchema(prepared, scripts.size(), statements, List.copyOf(failed), ignored);
        log.accept(String.format("%-9s offline: %d scripts, %d statements, %d not interpreted%s", "database",
                scripts.size(), statements, failed.size(), failed.isEmpty() ? "" : " (left out, listed below):"));
        for (UninterpretedStatement u : failed) log.accept("          - " + u.describe());
        return schema;
    }

    static List<Path> migrationScripts(List<Path> dirs) throws IOException {
        List<Path> versioned = new ArrayList<>();
        List<Path> repeatable = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (VERSIONED.matcher(name).matches()) versioned.add(f);
                    else if (REPEATABLE.matcher(name).matches()) repeatable.add(f);
                }
            }
        }
        versioned.sort(Comparator.comparing(OfflineProvider::version));
        repeatable.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<Path> all = new ArrayList<>(versioned);
        all.addAll(repeatable);
        return all;
    }

    private static MigrationVersion version(Path script) {
        Matcher m = VERSIONED.matcher(script.getFileName().toString());
        if (!m.matches()) throw new IllegalStateException(script.toString());
        return MigrationVersion.fromVersion(m.group(1).replace('_', '.'));
    }

    /** Replaces ignored sections by blank lines, so line numbers still point into the original file. */
    static String blankIgnoredSections(String text, String start, String stop) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (true) {
            int a = text.indexOf(start, from);
            if (a < 0) break;
            int b = text.indexOf(stop, a);
            int end = b < 0 ? text.length() : b + stop.length();
            out.append(text, from, a).append(text.substring(a, end).replaceAll("[^\n]", ""));
            from = end;
        }
        // Markers sit inside comments: "/* [start] */ x; /* [stop] */" becomes "/*  ...  */", still a comment.
        return out.append(text.substring(from)).toString();
    }

    private static String reason(RuntimeException e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) t = t.getCause();
        String m = String.valueOf(t.getMessage()).replaceAll("\\s+", " ");
        if (m.startsWith("SQL [")) {
            int close = m.indexOf("]; ");
            if (close > 0) m = m.substring(close + 3);
        }
        return m.length() > 160 ? m.substring(0, 157) + "..." : m;
    }

    /** DDLDatabase's own interpreter context (parser settings, H2 replay), to try statements one by one. */
    private static final class ProbingDdlDatabase extends DDLDatabase implements AutoCloseable {
        ProbingDdlDatabase() {
            Properties p = new Properties();
            for (org.jooq.meta.jaxb.Property prop : ddlProperties("")) p.setProperty(prop.getKey(), prop.getValue());
            p.remove("scripts");
            p.setProperty("sql", "select 1"); // something to load, so it does not warn about missing scripts
            setProperties(p);
        }

        DSLContext interpreter() {
            return create0();
        }
    }
}
