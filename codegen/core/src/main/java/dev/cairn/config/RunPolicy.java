package dev.cairn.config;

import dev.cairn.pipeline.PipelineOptions.Mode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one run may do, decided once from the settings and the environment, and read by every stage
 * and front end: nothing else looks at {@code CI}, at CI servers' variables or at where the output
 * lies. Two questions are answered here and nowhere else:
 * <ul>
 *   <li>write or check: {@link #mode()};</li>
 *   <li>whether the run may take a shortcut that a run from zero would not: a snapshot, the
 *       fingerprint's up-to-date verdict, the plugin's stamp, the file-hash and lint-parse caches,
 *       the warm engine ({@link #trustsShortcuts()}). CI and {@code --force} never do.</li>
 * </ul>
 *
 * @param mode  WRITE replaces the generated code; CHECK writes nothing and fails when it is behind
 * @param force the user asked for a run from zero ({@code force})
 * @param ci    why this is a CI build ("CI=true", "JENKINS_URL is set", "ci=true"), or empty
 */
public record RunPolicy(Mode mode, boolean force, Optional<String> ci) {

    /**
     * The variables CI servers set, each of which makes a build a CI build: GitHub Actions, GitLab,
     * CircleCI, Travis and most others set {@code CI=true}; Jenkins, TeamCity, Azure Pipelines and
     * Bamboo do not, and are known by their own. An empty value does not count.
     */
    public static final List<String> CI_VARIABLES = List.of("CI", "JENKINS_URL", "TEAMCITY_VERSION", "TF_BUILD",
            "bamboo_buildKey", "BUILDKITE", "GITLAB_CI", "GITHUB_ACTIONS");

    /** A local run that writes and may use every shortcut (tests and tools that build options by hand). */
    public static RunPolicy local() {
        return new RunPolicy(Mode.WRITE, false, Optional.empty());
    }

    /**
     * The policy of a run with these settings in this environment. CI comes from the {@code ci}
     * setting when it is given (true or false), else from {@link #CI_VARIABLES}. CI checks the
     * committed code (and writes nothing) unless {@code check} says otherwise or the output lies
     * under the project's target/, which Maven builds anew on every CI run: there it is written,
     * from zero, and nothing else (not the lock, not a cache) is.
     */
    public static RunPolicy of(CairnSettings settings, Map<String, String> environment) {
        Optional<String> ci = ci(settings, environment);
        boolean check;
        if (!settings.sources().get(Setting.CHECK).equals("default")) check = settings.flag(Setting.CHECK);
        else check = ci.isPresent() && !settings.path(Setting.OUTPUT_DIRECTORY).startsWith(settings.baseDir().resolve("target"));
        return new RunPolicy(check ? Mode.CHECK : Mode.WRITE, settings.flag(Setting.FORCE), ci);
    }

    private static Optional<String> ci(CairnSettings settings, Map<String, String> environment) {
        String given = settings.value(Setting.CI).strip();
        if (!given.isEmpty() && !given.equalsIgnoreCase("auto")) {
            return settings.flag(Setting.CI) ? Optional.of("ci=true (" + settings.sources().get(Setting.CI) + ")") : Optional.empty();
        }
        return detected(environment);
    }

    /** The CI server the environment shows, as the variable that says so; empty on a developer's machine. */
    public static Optional<String> detected(Map<String, String> environment) {
        for (String name : CI_VARIABLES) {
            String v = environment.get(name);
            if (v == null || v.isBlank() || v.equalsIgnoreCase("false") || v.equals("0")) continue;
            return Optional.of(name.equals("CI") ? "CI=" + v : name + " is set");
        }
        return Optional.empty();
    }

    public boolean isCi() {
        return ci.isPresent();
    }

    public boolean check() {
        return mode == Mode.CHECK;
    }

    /**
     * Whether this run may start from a snapshot, answer from the fingerprint without a database,
     * trust a file's size and time stamp for its hash, take lint parses from the cache or run in
     * the warm engine: a local run that writes and was not forced. CI, check and {@code --force}
     * read every byte and migrate from zero.
     */
    public boolean trustsShortcuts() {
        return mode == Mode.WRITE && !force && ci.isEmpty();
    }

    /** Whether a run may write migrations.lock: a local run that writes. CI accepts nothing unlocked. */
    public boolean writesLock() {
        return mode == Mode.WRITE && ci.isEmpty();
    }

    /**
     * Whether a run may end as "up to date" without a database: the committed fingerprint matches.
     * CI always migrates from zero and compares what it generates, whatever the fingerprint says.
     */
    public boolean trustsFingerprint() {
        return !force && ci.isEmpty();
    }

    public RunPolicy withMode(Mode newMode) {
        return new RunPolicy(newMode, force, ci);
    }

    public RunPolicy withForce(boolean newForce) {
        return new RunPolicy(mode, newForce, ci);
    }

    public RunPolicy withCi(Optional<String> why) {
        return new RunPolicy(mode, force, why);
    }
}
