package dev.cairn.migrate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Flyway's per-script configuration: {@code V2__x.sql.conf} beside {@code V2__x.sql}. Of its keys
 * only {@code executeInTransaction} matters here: {@code false} runs the script statement by
 * statement outside a transaction, which REINDEX ... CONCURRENTLY needs (Flyway does not detect it).
 *
 * @param executeInTransaction false when the file says so; true when it says otherwise or is absent
 */
public record ScriptConfig(boolean executeInTransaction) {

    /** The configuration file Flyway reads for {@code script}. */
    public static Path fileOf(Path script) {
        return script.resolveSibling(script.getFileName() + ".conf");
    }

    public static ScriptConfig of(Path script) {
        Path file = fileOf(script);
        if (!Files.isRegularFile(file)) return new ScriptConfig(true);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return new ScriptConfig(!"false".equalsIgnoreCase(p.getProperty("executeInTransaction", "").strip()));
    }
}
