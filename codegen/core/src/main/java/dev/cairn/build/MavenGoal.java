package dev.cairn.build;

import dev.cairn.config.CairnSettings;
import dev.cairn.config.FrontEnd;
import dev.cairn.config.RunPolicy;
import dev.cairn.config.Setting;
import dev.cairn.generate.UserGenerator;

import dev.cairn.lint.Linter;
import dev.cairn.pipeline.PipelineOptions;
import dev.cairn.pipeline.PipelineResult;
import dev.cairn.pipeline.RunOutput;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The Maven plugin's one door into the engine. The plugin's class realm holds the mojos alone, so
 * that a build with nothing to do never makes Maven resolve jOOQ, Flyway, the driver and the
 * binaries; when a goal runs, the plugin loads cairn with them in a class loader of its own and
 * calls {@link #run} reflectively. Only JDK types cross: the parameters as text under their
 * {@link Setting} keys, the inline {@code <generator>} as jOOQ's XML.
 */
public final class MavenGoal {

    private MavenGoal() {
    }

    /**
     * Runs one goal (generate, check, watch, lint, lock, verify-undo) with the settings resolved as
     * everywhere else: these parameters, then {@code properties} (-D), the environment,
     * cairn.properties, the defaults.
     *
     * @param parameters   the mojo's configured parameters, by setting key, as text
     * @param generatorXml the pom's {@code <generator>} element, or null
     * @param info         stage lines and notes (Maven's INFO)
     * @param warn         warning findings (WARN)
     * @param err          error findings and the failure's line (ERROR)
     * @param sourceRoot   told the output directory after a successful generate
     * @param upToDate     after a generate (write mode) that found nothing changed: its line, and the
     *                     files and folders that verdict rests on (folders stand for all they hold).
     *                     The plugin keeps their file times, so that while none changes, a build need
     *                     not load the engine at all
     * @return a {@link Goals} exit code
     * @throws IllegalArgumentException for bad settings, with the message to show
     * @throws IllegalStateException    for a failed goal, with the message to show (the cause attached)
     */
    public static int run(String goal, Path baseDir, Map<String, String> parameters, String generatorXml,
                          Map<String, String> properties, Map<String, String> environment,
                          Consumer<String> info, Consumer<String> warn, Consumer<String> err, Consumer<String> sourceRoot,
                          BiConsumer<String, List<String>> upToDate) {
        // Findings at Maven's WARN and ERROR, so that `mvn -q` (which hides INFO) still shows what fails the build.
        Consumer<String> out = RunOutput.of(info, warn, err);
        Map<Setting, String> explicit = new EnumMap<>(Setting.class);
        // A goal's own switch, no setting: lint's `all` (-Dcairn.all) lists the released migrations' findings too.
        Map<String, String> settingParameters = new java.util.TreeMap<>(parameters);
        boolean all = Boolean.parseBoolean(settingParameters.remove("all"));
        // lock's `unlock` (-Dcairn.unlock=1.28): versions a local run locked, taken back.
        String unlock = settingParameters.remove("unlock");
        settingParameters.forEach((key, value) -> explicit.put(Setting.byKey(key).orElseThrow(
                () -> new IllegalArgumentException("cairn " + goal + ": the plugin passed <" + key
                        + ">, which is no setting of this cairn version: use a plugin and an engine of one version.")), value));
        if (goal.equals("check")) explicit.put(Setting.CHECK, "true");
        CairnSettings settings = CairnSettings.resolve(baseDir, explicit, properties, environment).withFrontEnd(FrontEnd.MAVEN);
        if (goal.equals("check")) settings = settings.with(Setting.CHECK, "true", "goal check");
        if (settings.flag(Setting.SKIP)) {
            out.accept("cairn: skipped (skip=true)");
            return Goals.OK;
        }
        if (generatorXml != null) settings = settings.withGenerator(UserGenerator.parse(generatorXml));
        QuietLibraries.apply();
        try {
            return switch (goal) {
                case "generate", "check" -> {
                    PipelineResult[] result = new PipelineResult[1];
                    int code = Goals.generate(settings, environment, out, err, r -> result[0] = r);
                    if (code == Goals.OK) sourceRoot.accept(settings.path(Setting.OUTPUT_DIRECTORY).toString());
                    PipelineOptions options = settings.pipelineOptions(environment);
                    if (code == Goals.OK && result[0] != null && result[0].outcome() == PipelineResult.Outcome.UP_TO_DATE
                            && options.policy().trustsShortcuts()) {
                        upToDate.accept("fingerprint " + result[0].fingerprint(),
                                inputs(settings, options));
                    }
                    yield code;
                }
                case "watch" -> Goals.watch(settings, environment, out, err);
                case "lint" -> Goals.lint(settings, all, out);
                case "lock" -> Goals.lock(settings, false, unlock == null || unlock.isBlank() ? List.of()
                        : List.of(unlock.split("\\s*,\\s*")), out, err);
                case "verify-undo" -> Goals.verifyUndo(settings, out);
                case "clean-cache" -> {
                    Caches.clean(settings, environment, out);
                    yield Goals.OK;
                }
                default -> throw new IllegalArgumentException("cairn has no goal " + goal);
            };
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cairn " + goal + ": " + ErrorText.of(e), e);
        }
    }

    /**
     * What a no-op generate's verdict reads: migrations, undo scripts, lock, fingerprint, output,
     * settings files, and ({@code $NAME}) the environment variables of the run policy.
     */
    private static List<String> inputs(CairnSettings settings, PipelineOptions options) {
        List<Path> paths = new ArrayList<>(options.migrationDirs());
        paths.addAll(Linter.undoDirs(options.migrationDirs(), options.lint()));
        paths.add(options.lockFile());
        paths.add(options.fingerprintFile());
        paths.add(options.outputDirectory());
        paths.add(settings.baseDir().resolve(CairnSettings.PROPERTIES_FILE));
        if (settings.isSet(Setting.GENERATOR_CONFIG)) paths.add(settings.path(Setting.GENERATOR_CONFIG));
        List<String> inputs = new ArrayList<>(paths.stream().map(p -> p.toAbsolutePath().normalize().toString()).distinct().toList());
        // The policy's own inputs: a CI variable set later makes the stamp void (CI never answers from it).
        RunPolicy.CI_VARIABLES.forEach(name -> inputs.add("$" + name));
        return inputs;
    }
}
