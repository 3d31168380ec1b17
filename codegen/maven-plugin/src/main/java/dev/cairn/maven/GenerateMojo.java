package dev.cairn.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.codehaus.plexus.configuration.PlexusConfiguration;

import java.io.File;

/**
 * Start a throwaway PostgreSQL, apply every Flyway migration, generate the jOOQ classes and add
 * them as a compile source root. Checks migrations.lock first, skips the database when the
 * fingerprint says nothing changed, lints new migrations before anything is applied, and replaces
 * the output only after a successful run. With check=true (or CI=true and a committed output
 * directory) nothing is written: the committed classes are compared with a fresh run.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE)
public class GenerateMojo extends AbstractCairnMojo {

    /** Where the classes go. Default target/generated-sources/jooq; a committed directory also works. */
    @Parameter(property = "cairn.outputDirectory")
    protected File outputDirectory;

    /** Package of the generated classes. Default org.jooq.generated. */
    @Parameter(property = "cairn.packageName")
    protected String packageName;

    /**
     * jOOQ's own {@code <generator>}: strategy, forcedTypes, generate flags, Kotlin, includes/excludes.
     * Taken as XML and read by jOOQ in the engine, as jOOQ reads its codegen XML file.
     */
    @Parameter
    protected PlexusConfiguration generator;

    /** A jOOQ codegen XML file instead of (or besides) the inline {@code <generator>}. */
    @Parameter(property = "cairn.generatorConfig")
    protected File generatorConfig;

    /** The migration lock. Default migrations.lock beside the first location's folder. */
    @Parameter(property = "cairn.lockFile")
    protected File lockFile;

    /** Fingerprint of the last generate. Default codegen.fingerprint beside the output's module. */
    @Parameter(property = "cairn.fingerprintFile")
    protected File fingerprintFile;

    /** Regenerate even when nothing changed. */
    @Parameter(property = "cairn.force")
    protected Boolean force;

    /** Write nothing; fail when the committed classes, fingerprint or lock are behind. On in CI when the output is committed. */
    @Parameter(property = "cairn.check")
    protected Boolean check;

    /**
     * Whether this is a CI build: auto (CI=true, or the variables Jenkins, TeamCity, Azure Pipelines, Bamboo,
     * Buildkite, GitLab set), true or false. CI migrates from zero and uses no snapshot, stamp, cache or warm engine.
     */
    @Parameter(property = "cairn.ci")
    protected String ci;

    /** Snapshots of migrated databases. Default $XDG_CACHE_HOME/cairn/snapshots, else ~/.cache/cairn/snapshots. */
    @Parameter(property = "cairn.snapshotCache")
    protected File snapshotCache;

    /** Size cap of the snapshot cache, e.g. 512m or 2g. Default 1g; 0 turns snapshots off. */
    @Parameter(property = "cairn.snapshotCacheSize")
    protected String snapshotCacheSize;

    /** How long the warm engine for the next generate waits before it exits, e.g. 30m; off runs each generate in Maven's JVM, stop also stops the warm engine. */
    @Parameter(property = "cairn.daemon")
    protected String daemon;

    @Override
    protected String generatorXml() {
        return generator == null ? null : GeneratorXml.of(generator);
    }

    @Override
    protected String goal() {
        return "generate";
    }
}
