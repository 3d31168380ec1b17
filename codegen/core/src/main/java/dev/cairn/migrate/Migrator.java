package dev.cairn.migrate;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.info.MigrationInfoImpl;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Applies all pending migrations with Flyway and turns its failures into readable errors. */
public final class Migrator {

    private Migrator() {
    }

    public record Result(int applied, String version) {
    }

    public static Result migrate(Flyway flyway) {
        return migrate(flyway, UnaryOperator.identity());
    }

    /**
     * @param original names a file Flyway read from a copy by its original path, in the messages of
     *                 a failure (see {@code PendingMigrations})
     */
    public static Result migrate(Flyway flyway, UnaryOperator<String> original) {
        try {
            return migrateAsIs(flyway);
        } catch (MigrationFailedException e) {
            throw new MigrationFailedException(original.apply(e.getMessage()), e.script(), e.line(), e.getCause());
        } catch (MigrationSourceException e) {
            throw new MigrationSourceException(original.apply(e.getMessage()), e.getCause());
        }
    }

    private static Result migrateAsIs(Flyway flyway) {
        try {
            MigrateResult r = flyway.migrate();
            String version = r.targetSchemaVersion;
            if (version == null) {
                // Nothing new (a snapshot that already holds every migration): the version it is at.
                var current = flyway.info().current();
                version = current != null && current.getVersion() != null ? current.getVersion().getVersion() : "(empty)";
            }
            return new Result(r.migrationsExecuted, version);
        } catch (FlywayException e) {
            throw explain(e, flyway.getConfiguration());
        }
    }

    /**
     * A readable error for a Flyway failure, also outside migrate (info and validate read every file
     * first): a file that is not UTF-8 or that mixes statements Flyway refuses to mix is named.
     */
    public static RuntimeException explain(FlywayException e, Configuration config) {
        if (causedBy(e, CharacterCodingException.class)) return notUtf8(config, e);
        if (e.getMessage() != null && e.getMessage().contains(MIXED)) return mixed(config, e);
        return describe(e);
    }

    private static final String MIXED = "Detected both transactional and non-transactional statements";

    /**
     * Flyway refuses a file that mixes a statement that cannot run in a transaction (CONCURRENTLY,
     * VACUUM...) with others, naming the line but not the file: its own check, asked of each pending
     * migration, finds which.
     */
    private static RuntimeException mixed(Configuration config, FlywayException e) {
        Matcher m = Pattern.compile("at line (\\d+): (.*?)(?: \\[non-transactional])?$", Pattern.DOTALL).matcher(e.getMessage().strip());
        int line = m.find() ? Integer.parseInt(m.group(1)) : -1;
        String statement = line > 0 ? oneLine(m.group(2)) : null;
        try {
            for (MigrationInfo pending : new FluentConfiguration().configuration(config).load().info().pending()) {
                if (!(pending instanceof MigrationInfoImpl impl)) continue;
                try {
                    impl.canExecuteInTransaction();
                } catch (FlywayException refused) {
                    String path = pending.getPhysicalLocation();
                    return new MigrationFailedException("Migration " + pending.getScript() + (line > 0 ? " line " + line : "")
                            + (path != null && !path.isEmpty() ? " (" + path + ")" : "") + ": "
                            + (statement != null ? "`" + statement + "`" : "a statement") + " cannot run in a transaction, and the"
                            + " file's other statements run in one; Flyway refuses to mix them. Put that statement in a migration"
                            + " of its own (a new version). Nothing of this file ran.", pending.getScript(), line, e);
                }
            }
        } catch (FlywayException | ClassCastException notFound) {
            // Flyway's own message below, without a file name it never had
        }
        return new MigrationFailedException("Flyway refused a migration file that mixes statements that cannot run in a"
                + " transaction with others: " + e.getMessage().strip() + "\nPut that statement in a migration of its own.", null, -1, e);
    }

    /**
     * Flyway only says "Unable to calculate checksum of V1__x.sql" for a file that is not UTF-8: find
     * it in the filesystem locations and say where it goes wrong. (Classpath locations stay as Flyway said.)
     */
    private static RuntimeException notUtf8(Configuration config, FlywayException e) {
        for (Location location : config.getLocations()) {
            if (!location.isFileSystem()) continue;
            Path root = Path.of(location.getRootPath());
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".sql") && Files.isRegularFile(p)).sorted().toList()) {
                    MigrationText.read(f);
                }
            } catch (MigrationSourceException notUtf8) {
                return new MigrationSourceException(notUtf8.getMessage() + " Nothing was migrated.", e);
            } catch (IOException ignored) {
                // unreadable for another reason: Flyway's own message below says what it could
            }
        }
        return describe(e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return true;
        return false;
    }

    public static MigrationFailedException describe(FlywayException e) {
        String script = null;
        String path = null;
        int line = -1;
        String statement = null;
        String pgMessage = null;
        String sqlState = null;
        boolean transactional = true;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlywayMigrateException m) {
                if (m.getMigration() != null) script = m.getMigration().getScript();
                if (m.getAbsolutePathOnDisk() != null) path = m.getAbsolutePathOnDisk();
                if (m.getLineNumber() > 0) line = m.getLineNumber();
                transactional = m.isExecutableInTransaction();
            }
            if (t instanceof FlywaySqlScriptException s) {
                if (s.getLineNumber() > 0) line = s.getLineNumber();
                statement = s.getStatement();
                if (s.getResource() != null && script == null) script = s.getResource().getFilename();
            }
            if (t instanceof SQLException sql && pgMessage == null) {
                sqlState = sql.getSQLState();
                pgMessage = sql.getMessage() + (sql.getSQLState() != null ? " (SQLSTATE " + sql.getSQLState() + ")" : "");
            }
        }
        if (script == null) {
            return new MigrationFailedException("Flyway could not migrate: " + e.getMessage().strip()
                    + "\nFix what it names and run again.", null, -1, e);
        }
        StringBuilder msg = new StringBuilder("Migration ").append(script).append(" failed");
        if (line > 0) msg.append(" at line ").append(line);
        msg.append(path != null ? " (" + path + ")" : "").append(":\n");
        msg.append("  ").append(pgMessage != null ? pgMessage.replace("\n", "\n  ") : e.getMessage().strip()).append('\n');
        if (statement != null) msg.append("  Statement: ").append(oneLine(statement)).append('\n');
        String extensionHint = MissingExtension.hint(pgMessage);
        if (extensionHint != null) msg.append("  ").append(extensionHint.replace("\n", "\n  ")).append('\n');
        boolean timedOut = "55P03".equals(sqlState) || "57014".equals(sqlState);
        if ("55P03".equals(sqlState)) {
            msg.append("  A table this statement needs was locked by another session, and the lock was not released\n")
               .append("  within lock_timeout. Retry off-peak, or raise the limit (--lock-timeout).\n");
        } else if ("57014".equals(sqlState)) {
            msg.append("  The statement ran longer than statement_timeout and was cancelled; raise it (--statement-timeout).\n");
        }
        msg.append(transactional
                ? "  The migration ran in a transaction and was rolled back.\n"
                : "  The migration ran outside a transaction (CONCURRENTLY cannot run in one): statements before "
                  + (line > 0 ? "line " + line : "the failing one") + " stay applied; nothing after it ran.\n");
        msg.append(timedOut
                ? "  The statement itself may be fine: run again when the table is not busy."
                : extensionHint != null ? "  The statement itself is fine: run it where the extension is installed."
                : "  Fix this statement (or, if the migration is already released, write a new migration) and run again.");
        return new MigrationFailedException(msg.toString(), script, line, e);
    }

    private static String oneLine(String sql) {
        // Leading comment lines say why, not what ran; the statement starts after them.
        String s = sql.strip().replaceAll("^(\\s*--[^\\n]*\\n)+", "").strip().replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }
}
