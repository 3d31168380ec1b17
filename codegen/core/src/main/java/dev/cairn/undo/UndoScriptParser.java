package dev.cairn.undo;

import dev.cairn.migrate.MigrationSourceException;
import dev.cairn.migrate.MigrationText;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.sqlscript.SqlStatement;
import org.flywaydb.core.internal.sqlscript.SqlStatementIterator;
import org.flywaydb.database.postgresql.PostgreSQLParser;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits an undo file into statements with Flyway's own PostgreSQL parser, so dollar quotes, DO blocks,
 * COPY and the "can this run in a transaction?" decision are exactly what {@code migrate} would do with
 * the same text as a V-file.
 */
public final class UndoScriptParser {

    // Flyway's defaults (placeholders on, no mixed transactional/non-transactional statements), with the
    // chain's placeholder values: an undo script says ${app_schema} just as its migration does.
    private final Configuration configuration;

    public UndoScriptParser() {
        this(Map.of());
    }

    public UndoScriptParser(Map<String, String> placeholders) {
        this.configuration = new FluentConfiguration().placeholders(placeholders);
    }

    public UndoScript parse(MigrationVersion version, String description, Path file) {
        String text;
        try {
            text = MigrationText.read(file);
        } catch (MigrationSourceException e) {
            throw new UndoScriptException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UndoScriptException("Cannot read undo script " + file + ": " + e.getMessage(), e);
        }
        List<UndoScript.Statement> statements = new ArrayList<>();
        try (SqlStatementIterator it = new PostgreSQLParser(configuration, new ParsingContext()).parse(resource(file, text))) {
            while (it.hasNext()) {
                SqlStatement s = it.next();
                statements.add(new UndoScript.Statement(s.getLineNumber(), s.getSql(), s.canExecuteInTransaction()));
            }
        } catch (FlywayException e) {
            throw new UndoScriptException("Cannot parse undo script " + file + ": " + e.getMessage().strip()
                    + "\nFix the SQL in this file and run again.", e);
        }
        boolean anyNonTransactional = statements.stream().anyMatch(s -> !s.transactional());
        if (anyNonTransactional && statements.size() > 1) {
            UndoScript.Statement first = statements.stream().filter(s -> !s.transactional()).findFirst().orElseThrow();
            throw new UndoScriptException("Undo script " + file + " line " + first.line() + ": "
                    + oneLine(first.sql()) + "\n  cannot run inside a transaction, but the file has "
                    + statements.size() + " statements. Put a CONCURRENTLY statement alone in its undo file"
                    + " (as Flyway requires for migrations), so a failure cannot leave half an undo applied.");
        }
        return new UndoScript(version, description, file, statements);
    }

    static String oneLine(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }

    private static LoadableResource resource(Path file, String text) {
        return new LoadableResource() {
            @Override
            public Reader read() {
                return new StringReader(text);
            }

            @Override
            public String getAbsolutePath() {
                return file.toAbsolutePath().toString();
            }

            @Override
            public String getAbsolutePathOnDisk() {
                return getAbsolutePath();
            }

            @Override
            public String getFilename() {
                return file.getFileName().toString();
            }

            @Override
            public String getRelativePath() {
                return getFilename();
            }
        };
    }
}
