package dev.cairn.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What every goal shares (the model is Flyway's {@code AbstractFlywayMojo}): the parameters, each
 * named after its setting (pom {@code <key>}, {@code -Dcairn.key}), handed to the engine's
 * {@code dev.cairn.build.MavenGoal}, which maps them onto one {@code CairnSettings} the same way the
 * CLI's options are. A parameter left out falls back to {@code CAIRN_KEY}, the project's
 * cairn.properties, then the default, as everywhere else. The engine runs in a class loader of its
 * own ({@link EngineLoader}), made only when the goal is not skipped.
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

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    @Component
    protected RepositorySystem repositorySystem;

    /** The codes of dev.cairn.build.Goals, which lives in the engine's class loader. */
    private static final int OK = 0;
    private static final int FINDINGS = 2;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        // skip as a parameter or -D needs no engine; CAIRN_SKIP and cairn.properties are read by it
        if (Boolean.TRUE.equals(skip) || "true".equals(session.getUserProperties().getProperty("cairn.skip"))) {
            getLog().info("cairn: skipped (skip=true)");
            return;
        }
        requireJava21();
        EngineLoader loader = new EngineLoader(session, project, plugin, repositorySystem);
        Map<String, String> parameters = parameters();
        String generatorXml = generatorXml();
        Map<String, String> properties = new LinkedHashMap<>();
        System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        session.getUserProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        flywayPluginConfiguration(properties);
        UpToDateStamp stamp = upToDateStamp(loader, parameters, generatorXml, properties);
        if (stamp != null) {
            var verdict = stamp.read();
            if (verdict.isPresent()) {
                getLog().info("up-to-date  " + verdict.get().line() + ": no migration, setting or generated file changed since the last run ("
                        + display(stamp.file()) + ")");
                project.addCompileSourceRoot(verdict.get().sourceRoot());
                return;
            }
        }
        ClassLoader engine = loader.load();
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // jOOQ, Flyway and Testcontainers find their plugins through the context class loader
        thread.setContextClassLoader(engine);
        int code;
        try {
            Method run = Class.forName("dev.cairn.build.MavenGoal", true, engine).getMethod("run", String.class, Path.class,
                    Map.class, String.class, Map.class, Map.class, Consumer.class, Consumer.class, Consumer.class, Consumer.class,
                    BiConsumer.class);
            Consumer<String> out = getLog()::info;
            Consumer<String> warn = getLog()::warn;
            Consumer<String> err = getLog()::error;
            String[] root = new String[1];
            Consumer<String> sourceRoot = r -> {
                root[0] = r;
                project.addCompileSourceRoot(r);
            };
            BiConsumer<String, List<String>> upToDate = (line, inputs) -> {
                if (stamp != null && root[0] != null) stamp.write(line, root[0], inputs);
            };
            code = (Integer) run.invoke(null, goal(), project.getBasedir().toPath(), parameters, generatorXml, properties,
                    System.getenv(), out, warn, err, sourceRoot, upToDate);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
                // The engine's message is the one line to show; Maven appends every attached cause's message to it,
                // so the chain goes to the debug log (mvn -X) instead.
                getLog().debug("cairn " + goal() + " failed", cause);
                throw new MojoExecutionException(cause.getMessage());
            }
            throw new MojoExecutionException("cairn " + goal() + ": " + cause, cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new MojoExecutionException("cairn " + goal() + ": the engine (" + e + ") does not match this plugin;"
                    + " keep <plugin><dependencies> to jOOQ, Flyway, the driver and Testcontainers, not cairn itself.", e);
        } finally {
            thread.setContextClassLoader(before);
        }
        if (code == FINDINGS) {
            throw new MojoFailureException("cairn " + goal() + " found problems; they are listed above.");
        }
        if (code != OK) {
            throw new MojoExecutionException("cairn " + goal() + " failed; the reason is listed above.");
        }
    }

    /**
     * The engine (cairn-core, built with jOOQ 3.21) needs Java 21: say so, and what to change, before
     * any of it loads; the mojos themselves are compiled for 17 so that this line is what a Maven on
     * 17 prints.
     */
    private static void requireJava21() throws MojoExecutionException {
        int running = Runtime.version().feature();
        if (running < 21) {
            throw new MojoExecutionException("cairn needs Maven to run on a JDK 21 or newer, and this Maven runs on Java "
                    + Runtime.version() + " (" + System.getProperty("java.home") + "): run it with JAVA_HOME set to a JDK 21+,"
                    + " e.g. JAVA_HOME=/usr/lib/jvm/java-21-openjdk-amd64 mvn ...; your code can still target Java " + running
                    + " with <maven.compiler.release>" + running + "</maven.compiler.release>.");
        }
    }

    /**
     * The stamp that lets a build with nothing to do skip the engine (generate only, and only once
     * the engine's class path is known); null when it does not apply. The engine writes it only after
     * a run its policy let end as up to date, and keys it on the variables that policy reads (CI's).
     */
    private UpToDateStamp upToDateStamp(EngineLoader loader, Map<String, String> parameters, String generatorXml,
                                        Map<String, String> properties) throws MojoExecutionException {
        if (!goal().equals("generate")) return null;
        List<Path> classPath = loader.rememberedClassPath();
        if (classPath == null) return null;
        String execution = mojoExecution == null ? "default" : mojoExecution.getExecutionId();
        return UpToDateStamp.of(Path.of(project.getBuild().getDirectory(), "cairn", "up-to-date-" + execution + ".stamp"),
                goal(), project.getBasedir().toPath(), parameters, generatorXml, properties, System.getenv(), classPath);
    }

    private String display(Path p) {
        Path base = project.getBasedir().toPath();
        return p.startsWith(base) ? base.relativize(p).toString() : p.toString();
    }

    /** This goal's configured parameters by name (each a setting's key), as text; unset ones left out. */
    private Map<String, String> parameters() throws MojoExecutionException {
        Map<String, String> values = new TreeMap<>();
        for (Class<?> c = getClass(); c != AbstractMojo.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || !SETTING_TYPES.contains(f.getType())) continue;
                try {
                    f.setAccessible(true);
                    Object value = f.get(this);
                    // Maven injects an empty list or map for a collection nobody configured.
                    boolean empty = value instanceof Collection<?> col && col.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty();
                    if (value != null && !empty) values.putIfAbsent(f.getName(), asText(value));
                } catch (IllegalAccessException e) {
                    throw new MojoExecutionException("Cannot read parameter " + f.getName(), e);
                }
            }
        }
        return values;
    }

    private static final Set<Class<?>> SETTING_TYPES = Set.of(String.class, Boolean.class, File.class, List.class, Map.class);

    private static String asText(Object value) {
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        }
        if (value instanceof Collection<?> c) return c.stream().map(String::valueOf).collect(Collectors.joining(","));
        if (value instanceof File f) return f.getPath();
        return String.valueOf(value);
    }

    /**
     * The project's flyway-maven-plugin {@code <configuration>} as the {@code flyway.*} keys Flyway
     * itself reads (a list as comma-separated values, placeholders as {@code flyway.placeholders.KEY}),
     * under any {@code -Dflyway.*} given, as flyway-maven-plugin takes them. The engine reads its
     * locations, schemas, table, placeholders and out-of-order as cairn's settings
     * ({@code dev.cairn.config.FlywayConfiguration}); cairn's own settings win.
     */
    private void flywayPluginConfiguration(Map<String, String> properties) {
        boolean fromCommandLine = properties.keySet().stream().anyMatch(k -> k.startsWith("flyway."));
        for (org.apache.maven.model.Plugin p : project.getBuildPlugins()) {
            if (!p.getArtifactId().equals("flyway-maven-plugin") || !(p.getConfiguration() instanceof
                    org.codehaus.plexus.util.xml.Xpp3Dom config)) continue;
            for (org.codehaus.plexus.util.xml.Xpp3Dom child : config.getChildren()) {
                String key = "flyway." + child.getName();
                if (child.getName().equals("placeholders")) {
                    for (org.codehaus.plexus.util.xml.Xpp3Dom ph : child.getChildren()) {
                        properties.putIfAbsent(key + "." + ph.getName(), ph.getValue() == null ? "" : ph.getValue().strip());
                    }
                } else if (child.getChildCount() > 0) {
                    properties.putIfAbsent(key, java.util.Arrays.stream(child.getChildren())
                            .map(c -> c.getValue() == null ? "" : c.getValue().strip()).collect(Collectors.joining(",")));
                } else if (child.getValue() != null) {
                    properties.putIfAbsent(key, child.getValue().strip());
                }
            }
            properties.putIfAbsent("cairn.flywayConfigurationSource",
                    fromCommandLine ? "flyway-maven-plugin and -Dflyway.*" : "flyway-maven-plugin (pom.xml)");
        }
        if (fromCommandLine) properties.putIfAbsent("cairn.flywayConfigurationSource", "-Dflyway.*");
    }

    /** The goal's {@code <generator>} as XML, or null when it takes none or none is given. */
    protected String generatorXml() {
        return null;
    }

    protected abstract String goal();
}
