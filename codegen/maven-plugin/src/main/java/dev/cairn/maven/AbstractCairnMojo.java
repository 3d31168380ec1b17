package dev.cairn.maven;

import dev.cairn.build.ErrorText;
import dev.cairn.build.Goals;
import dev.cairn.build.QuietLibraries;
import dev.cairn.config.CairnSettings;
import dev.cairn.config.Setting;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every goal shares (the model is Flyway's {@code AbstractFlywayMojo}): the parameters, each
 * named after its {@link Setting} (pom {@code <key>}, {@code -Dcairn.key}), mapped onto one
 * {@link CairnSettings} the same way the CLI's options are. A parameter left out falls back to
 * {@code CAIRN_KEY}, the project's cairn.properties, then the default, as everywhere else.
 */
abstract class AbstractCairnMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** Flyway locations: filesystem:DIR, classpath:PATH (src/main/resources/PATH) or DIR. Default filesystem:src/main/resources/db/migration. */
    @Parameter(property = "cairn.locations")
    protected java.util.List<String> locations;

    /** Schemas Flyway manages and jOOQ generates; the first holds the history table. Default public. */
    @Parameter(property = "cairn.schemas")
    protected java.util.List<String> schemas;

    /** Flyway placeholders: {@code <placeholders><tenant>acme</tenant></placeholders>}. */
    @Parameter
    protected Map<String, String> placeholders;

    /** Flyway's history table. Default flyway_schema_history. */
    @Parameter(property = "cairn.table")
    protected String table;

    /** Apply versions lower than the newest applied one. */
    @Parameter(property = "cairn.outOfOrder")
    protected Boolean outOfOrder;

    /** Undo scripts (U&lt;version&gt;__&lt;description&gt;.sql). Default src/main/resources/db/undo. */
    @Parameter(property = "cairn.undoLocation")
    protected File undoLocation;

    /** Where the throwaway PostgreSQL comes from: auto, embedded, testcontainers, server, offline. */
    @Parameter(property = "cairn.database")
    protected String database;

    /** Docker image for testcontainers, e.g. postgis/postgis:18-3.6. */
    @Parameter(property = "cairn.image")
    protected String image;

    /** An existing server for database=server (a user with CREATEDB). */
    @Parameter(property = "cairn.serverUrl")
    protected String serverUrl;

    @Parameter(property = "cairn.serverUser")
    protected String serverUser;

    @Parameter(property = "cairn.serverPassword")
    protected String serverPassword;

    /** Lint rule severities: rule=error|warning|info|off, comma-separated. */
    @Parameter(property = "cairn.lint")
    protected java.util.List<String> lint;

    /** Skip this goal. */
    @Parameter(property = "cairn.skip")
    protected Boolean skip;

    /** The settings: this goal's parameters, then -D/environment/cairn.properties/defaults. */
    protected CairnSettings settings() throws MojoExecutionException {
        Map<Setting, String> explicit = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            Object value = fieldValue(s.key());
            // Maven injects an empty list or map for a collection nobody configured.
            boolean empty = value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty();
            if (value != null && !empty) explicit.put(s, asText(value));
        }
        // -D on Maven's command line and <properties> of the session; then the JVM's own.
        Map<String, String> properties = new LinkedHashMap<>(CairnSettings.systemProperties());
        session.getUserProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        try {
            return CairnSettings.resolve(project.getBasedir().toPath(), explicit, properties, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private Object fieldValue(String name) throws MojoExecutionException {
        for (Class<?> c = getClass(); c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(this);
            } catch (NoSuchFieldException e) {
                // declared further up, or not a parameter of this goal
            } catch (IllegalAccessException e) {
                throw new MojoExecutionException("Cannot read parameter " + name, e);
            }
        }
        return null;
    }

    private static String asText(Object value) {
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        }
        if (value instanceof Collection<?> c) return c.stream().map(String::valueOf).collect(Collectors.joining(","));
        if (value instanceof File f) return f.getPath();
        return String.valueOf(value);
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        CairnSettings settings = settings();
        if (settings.flag(Setting.SKIP)) {
            getLog().info("cairn: skipped (skip=true)");
            return;
        }
        QuietLibraries.apply();
        int code;
        try {
            code = run(settings);
        } catch (MojoExecutionException | MojoFailureException e) {
            throw e;
        } catch (Exception e) {
            throw new MojoExecutionException("cairn " + goal() + ": " + ErrorText.of(e), e);
        }
        if (code == Goals.FINDINGS) {
            throw new MojoFailureException("cairn " + goal() + " found problems; they are listed above.");
        }
        if (code != Goals.OK) {
            throw new MojoExecutionException("cairn " + goal() + " failed; the reason is listed above.");
        }
    }

    /** The goal's work; returns a {@link Goals} exit code. */
    protected abstract int run(CairnSettings settings) throws Exception;

    protected abstract String goal();

    protected void info(String line) {
        getLog().info(line);
    }

    protected void error(String line) {
        getLog().error(line);
    }
}
