package dev.trackerdb.app;

import dev.cairn.database.DatabaseProvider;
import dev.cairn.generate.CodegenSettings;
import dev.cairn.migrate.MigrationLocations;
import dev.cairn.pipeline.Pipeline;
import dev.cairn.pipeline.PipelineOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The point of the whole build: a migration that removes something the app uses breaks the
 * compile, naming the column, instead of failing in production.
 */
class SchemaMismatchTest {

    static final Path ROOT = Path.of(System.getProperty("trackerdb.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void theAppCompilesAgainstTheCommittedClasses() throws Exception {
        List<Diagnostic<? extends JavaFileObject>> errors = compileApp(List.of(), classpathWithGenerated(true));
        assertTrue(errors.isEmpty(), "control: app compiles as committed: " + describe(errors));
    }

    @Test
    void droppingAColumnTheAppUsesIsACompileErrorNamingIt() throws Exception {
        // The project's real migrations plus one that drops a column the services read.
        List<Path> migrationDirs = new ArrayList<>();
        for (Path source : MigrationLocations.schemaDirectories(ROOT)) {
            Path copy = Files.createDirectories(dir.resolve("migrations").resolve(source.getFileName()));
            try (Stream<Path> files = Files.list(source)) {
                for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
            }
            migrationDirs.add(copy);
        }
        // The lock too: the released migrations stay released (their old lint findings never fail a build).
        Files.copy(ROOT.resolve("schema/src/main/resources/db/migrations.lock"), dir.resolve("migrations/migrations.lock"));
        Files.writeString(migrationDirs.getFirst().resolve("V100000__drop_events_publisher.sql"),
                "-- lint:ignore destructive reason: this test drops a column the app uses, on purpose\n"
                        + "ALTER TABLE events DROP COLUMN IF EXISTS publisher;\n");
        Path generated = dir.resolve("generated");
        new Pipeline(DatabaseProvider.embedded(), line -> { })
                .run(new PipelineOptions(migrationDirs, generated,
                        new CodegenSettings("dev.trackerdb.generated", "public", "flyway_schema_history")));
        assertFalse(Files.readString(generated.resolve("dev/trackerdb/generated/tables/Events.java")).contains("\"publisher\""),
                "regenerated classes no longer have the column");

        List<Diagnostic<? extends JavaFileObject>> errors = compileApp(javaFiles(generated), classpathWithGenerated(false));

        assertFalse(errors.isEmpty(), "the app must not compile against a schema without events.publisher");
        assertTrue(errors.stream().anyMatch(d -> d.getMessage(null).contains("PUBLISHER")),
                "an error names the column: " + describe(errors));
    }

    private List<Diagnostic<? extends JavaFileObject>> compileApp(List<Path> extraSources, List<File> classpath) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out = Files.createTempDirectory(dir, "classes");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<Path> sources = new ArrayList<>(javaFiles(ROOT.resolve("app/src/main/java")));
            sources.addAll(extraSources);
            List<String> options = List.of("-d", out.toString(), "-proc:none", "-Xlint:none",
                    "-classpath", classpath.stream().map(File::toString).collect(Collectors.joining(File.pathSeparator)));
            javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }

    /** This JVM's class path, with or without the committed generated classes. */
    private static List<File> classpathWithGenerated(boolean include) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> include || !(p.contains("trackerdb-generated") || p.replace('\\', '/').contains("generated/target/classes")))
                .filter(p -> !p.replace('\\', '/').contains("app/target/classes"))
                .map(File::new)
                .toList();
    }

    private static List<Path> javaFiles(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String describe(List<Diagnostic<? extends JavaFileObject>> errors) {
        return errors.stream().limit(10)
                .map(d -> (d.getSource() != null ? Path.of(d.getSource().toUri()).getFileName() : "?") + ":" + d.getLineNumber()
                        + " " + d.getMessage(null))
                .collect(Collectors.joining("\n"));
    }
}
