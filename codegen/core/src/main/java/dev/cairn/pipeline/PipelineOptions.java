package dev.cairn.pipeline;

import dev.cairn.config.FrontEnd;
import dev.cairn.config.RunPolicy;
import dev.cairn.generate.CodegenSettings;
import dev.cairn.lint.LintConfig;
import dev.cairn.migrate.FlywaySettings;
import dev.cairn.migrate.MigrationLocations;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one pipeline run needs. The CLI's options and Maven's configuration both end up here.
 *
 * @param migrationDirs   directories holding the Flyway migrations (merged by version)
 * @param outputDirectory the committed generated-source root, e.g. generated/src/main/java
 * @param codegen         what jOOQ generates
 * @param lockFile        migrations.lock, checked before anything else
 * @param fingerprintFile codegen.fingerprint: inputs of the last generate and hashes of its files
 * @param policy          write or check, and which shortcuts the run may take ({@link RunPolicy}: CI and
 *                        --force take none)
 * @param lint            severities of the migration lint rules
 * @param flyway          schemas, placeholders, history table, out-of-order; its locations are {@code migrationDirs}
 * @param database        where the throwaway PostgreSQL comes from, as the settings say it (kind and image): an
 *                        input of the fingerprint, since another server (a PostGIS image) can generate other code
 * @param frontEnd        who runs cairn: advice names its commands
 */
public record PipelineOptions(List<Path> migrationDirs, Path outputDirectory, CodegenSettings codegen,
                              Path lockFile, Path fingerprintFile, RunPolicy policy, LintConfig lint,
                              FlywaySettings flyway, String database, FrontEnd frontEnd) {

    public enum Mode {
        /** Local generate: lock new migrations, regenerate when stale, write generated/ and the fingerprint. */
        WRITE,
        /** CI / --check: write nothing; fail when generated/, the fingerprint or the lock is behind. */
        CHECK
    }

    public PipelineOptions {
        migrationDirs = List.copyOf(migrationDirs);
        if (policy == null) policy = RunPolicy.local();
        if (database == null) database = "";
        if (frontEnd == null) frontEnd = FrontEnd.CLI;
        if (migrationDirs.isEmpty()) throw new IllegalArgumentException("No migration directories given");
        flyway = (flyway != null ? flyway : FlywaySettings.of(MigrationLocations.directories(migrationDirs)))
                .withLocations(MigrationLocations.directories(migrationDirs));
    }

    /** Lock beside the migration folders, fingerprint in the generated module, a local run (WRITE, not forced). */
    public PipelineOptions(List<Path> migrationDirs, Path outputDirectory, CodegenSettings codegen) {
        this(migrationDirs, outputDirectory, codegen, defaultLockFile(migrationDirs),
                defaultFingerprintFile(outputDirectory), RunPolicy.local(), LintConfig.defaults(), null, "", FrontEnd.CLI);
    }

    public Mode mode() {
        return policy.mode();
    }

    public boolean force() {
        return policy.force();
    }

    /** The standard layout under a project root. */
    public static PipelineOptions forProject(Path projectDir) {
        return new PipelineOptions(MigrationLocations.schemaDirectories(projectDir),
                projectDir.resolve("generated/src/main/java"), CodegenSettings.defaults());
    }

    public MigrationLocations locations() {
        return flyway.locations();
    }

    public PipelineOptions withMode(Mode newMode) {
        return withPolicy(policy.withMode(newMode));
    }

    public PipelineOptions withDatabase(String kindAndImage) {
        return new PipelineOptions(migrationDirs, outputDirectory, codegen, lockFile, fingerprintFile, policy, lint, flyway, kindAndImage, frontEnd);
    }

    public PipelineOptions withFrontEnd(FrontEnd runBy) {
        return new PipelineOptions(migrationDirs, outputDirectory, codegen, lockFile, fingerprintFile, policy, lint, flyway, database, runBy);
    }

    public PipelineOptions withPolicy(RunPolicy newPolicy) {
        return new PipelineOptions(migrationDirs, outputDirectory, codegen, lockFile, fingerprintFile, newPolicy, lint, flyway, database, frontEnd);
    }

    /** The same options in another place (the warm engine's warm-up writes into a scratch folder). */
    public PipelineOptions withOutput(Path newOutput, Path newLockFile, Path newFingerprintFile) {
        return new PipelineOptions(migrationDirs, newOutput, codegen, newLockFile, newFingerprintFile, policy, lint, flyway, database, frontEnd);
    }

    public PipelineOptions withLint(LintConfig config) {
        return new PipelineOptions(migrationDirs, outputDirectory, codegen, lockFile, fingerprintFile, policy, config, flyway, database, frontEnd);
    }

    public PipelineOptions withForce(boolean newForce) {
        return withPolicy(policy.withForce(newForce));
    }

    public PipelineOptions withFlyway(FlywaySettings settings) {
        return new PipelineOptions(migrationDirs, outputDirectory, codegen, lockFile, fingerprintFile, policy, lint, settings, database, frontEnd);
    }

    public PipelineOptions withLockFile(Path file) {
        return new PipelineOptions(migrationDirs, outputDirectory, codegen, file, fingerprintFile, policy, lint, flyway, database, frontEnd);
    }

    public PipelineOptions withFingerprintFile(Path file) {
        return new PipelineOptions(migrationDirs, outputDirectory, codegen, lockFile, file, policy, lint, flyway, database, frontEnd);
    }

    /** Held while a run writes this project's output (beside {@link #hashCacheFile()}): one writing run at a time. */
    public Path runLockFile() {
        return hashCacheFile().resolveSibling("cairn-generate.lock");
    }

    /**
     * Where local runs remember file hashes between runs (see {@link dev.cairn.files.FileHashCache}):
     * the build directory (target/) of the project that holds the fingerprint, found by walking up
     * to the nearest pom.xml or cairn.properties. Never committed; goes away with {@code mvn clean}.
     */
    public Path hashCacheFile() {
        Path start = fingerprintFile.toAbsolutePath().normalize().getParent();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (java.nio.file.Files.isRegularFile(dir.resolve("pom.xml"))
                    || java.nio.file.Files.isRegularFile(dir.resolve("cairn.properties"))) {
                return dir.resolve("target/cairn-file-hashes.tsv");
            }
        }
        return start.resolve("target/cairn-file-hashes.tsv");
    }

    /** Where local runs keep jOOQ's reading of each statement (dev.cairn.lint.ParseCache), beside the file hashes. */
    public Path parseCacheFile() {
        return hashCacheFile().resolveSibling("cairn-lint-parses.bin");
    }

    /**
     * schema/src/main/resources/db/migrations.lock for the standard layout: beside db/migration and
     * db/data, so it travels in the schema jar with the migrations it locks, yet lies outside every
     * Flyway location (Flyway never tries to run it).
     */
    public static Path defaultLockFile(List<Path> migrationDirs) {
        return migrationDirs.getFirst().toAbsolutePath().normalize().getParent().resolve("migrations.lock");
    }

    /**
     * generated/codegen.fingerprint for generated/src/main/java: in the module it describes (same
     * commit), outside src/main/java (replaced wholesale by every generate) and outside
     * src/main/resources (it has no business in the jar).
     */
    public static Path defaultFingerprintFile(Path outputDirectory) {
        Path out = outputDirectory.toAbsolutePath().normalize();
        Path module = out.endsWith(Path.of("src", "main", "java")) ? out.getParent().getParent().getParent() : out.getParent();
        return module.resolve("codegen.fingerprint");
    }
}
