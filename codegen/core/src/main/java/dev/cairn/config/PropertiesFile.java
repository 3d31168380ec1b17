package dev.cairn.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** A project's settings file in Java properties form (cairn.properties, flyway.conf), read as UTF-8. */
final class PropertiesFile {

    private PropertiesFile() {
    }

    /** Its keys and values as written; empty when there is no such file. */
    static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) return Map.of();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) m.put(key, p.getProperty(key));
        return m;
    }
}
