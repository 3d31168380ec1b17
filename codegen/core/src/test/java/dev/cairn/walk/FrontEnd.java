package dev.cairn.walk;

import dev.cairn.build.Goals;
import dev.cairn.build.MavenGoal;
import dev.cairn.config.CairnSettings;
import dev.cairn.config.Setting;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The doors a user runs generate through, each as its real entry point in this JVM: the plugin's
 * {@link MavenGoal} with the warm engine and without it, the CLI's {@link Goals#generate} with the
 * settings it resolves from its flags (no inline generator), and the CLI's {@code generate --watch}
 * ({@link WatchSession}).
 */
enum FrontEnd {
    PLUGIN_WARM, PLUGIN_IN_PROCESS, CLI, WATCH;

    /** How long an engine the walk started waits for a next run before it exits by itself. */
    static final String ENGINE_IDLE = "2m";

    /** Whether the pom's inline {@code <generator>} reaches this front end. */
    boolean hasInlineGenerator() {
        return this == PLUGIN_WARM || this == PLUGIN_IN_PROCESS;
    }

    String daemon() {
        return this == PLUGIN_IN_PROCESS || this == WATCH ? "off" : ENGINE_IDLE;
    }

    /**
     * One generate (not for {@link #WATCH}, which runs on saves); its exit code, a failure that
     * the front end reports as an error being {@link Goals#FAILURE}.
     */
    int run(WalkProject project, Path snapshots, Map<String, String> environment, boolean force, Consumer<String> out)
            throws Exception {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(Setting.DAEMON.key(), daemon());
        parameters.put(Setting.DATABASE.key(), "embedded");
        parameters.put(Setting.SNAPSHOT_CACHE.key(), snapshots.toString());
        if (force) parameters.put(Setting.FORCE.key(), "true");
        if (this == WATCH) throw new IllegalStateException("watch runs on saves: WatchSession");
        try {
            return this == CLI
                    ? Goals.generate(settings(project, parameters, environment), environment, out, out, r -> { })
                    : MavenGoal.run("generate", project.dir, parameters, project.inlineGenerator, Map.of(), environment,
                            out, out, out, root -> { }, (line, inputs) -> { });
        } catch (Exception failed) {
            // what the CLI prints before exit code 1, and what fails the Maven build
            out.accept("error: " + failed.getMessage());
            return Goals.FAILURE;
        }
    }

    /** The settings the CLI resolves: its flags as explicit settings, then the environment and cairn.properties. */
    static CairnSettings settings(WalkProject project, Map<String, String> parameters, Map<String, String> environment) {
        Map<Setting, String> explicit = new EnumMap<>(Setting.class);
        parameters.forEach((key, value) -> explicit.put(Setting.byKey(key).orElseThrow(), value));
        return CairnSettings.resolve(project.dir, explicit, Map.of(), environment);
    }

    static List<FrontEnd> all() {
        return List.of(values());
    }
}
