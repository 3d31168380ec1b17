package dev.cairn.config;

import dev.cairn.pipeline.PipelineOptions.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One policy per run: CI is known by every CI server's variables, and CI or --force take no shortcut. */
class RunPolicyTest {

    @TempDir
    Path project;

    private RunPolicy policy(Map<Setting, String> explicit, Map<String, String> environment) {
        return CairnSettings.resolve(project, explicit, Map.of(), environment).policy(environment);
    }

    @Test
    void everyCiServerIsCiAndTakesNoShortcut() {
        for (Map<String, String> env : new Map[]{Map.of("CI", "true"), Map.of("JENKINS_URL", "http://jenkins/"),
                Map.of("TEAMCITY_VERSION", "2025.1"), Map.of("TF_BUILD", "True"), Map.of("bamboo_buildKey", "PRJ-PLAN-JOB1"),
                Map.of("BUILDKITE", "true"), Map.of("GITLAB_CI", "true")}) {
            RunPolicy p = policy(Map.of(), env);
            assertTrue(p.isCi(), env.toString());
            assertFalse(p.trustsShortcuts(), env + ": no snapshot, stamp, cache or warm engine");
            assertFalse(p.trustsFingerprint(), env + ": migrates from zero whatever the fingerprint says");
            assertFalse(p.writesLock(), env + ": accepts nothing unlocked, writes no lock");
            // The plugin's default output lies under target/: built anew, so written, not checked.
            assertEquals(Mode.WRITE, p.mode(), env.toString());
        }
    }

    @Test
    void aDevelopersMachineTakesEveryShortcut() {
        RunPolicy p = policy(Map.of(), Map.of("CI", "false", "HOME", "/home/dev"));
        assertEquals(Optional.empty(), p.ci());
        assertTrue(p.trustsShortcuts());
        assertTrue(p.trustsFingerprint());
        assertTrue(p.writesLock());
    }

    @Test
    void forceTakesNoShortcutButWritesTheLock() {
        RunPolicy p = policy(Map.of(Setting.FORCE, "true"), Map.of());
        assertFalse(p.trustsShortcuts());
        assertFalse(p.trustsFingerprint());
        assertTrue(p.writesLock(), "a local forced run still locks what it linted and observed");
    }

    @Test
    void committedOutputIsCheckedInCi() {
        RunPolicy p = policy(Map.of(Setting.OUTPUT_DIRECTORY, "src/generated/java"), Map.of("JENKINS_URL", "http://j/"));
        assertEquals(Mode.CHECK, p.mode());
        assertEquals(Optional.of("JENKINS_URL is set"), p.ci());
    }

    @Test
    void theSettingWinsOverTheEnvironment() {
        assertFalse(policy(Map.of(Setting.CI, "false"), Map.of("CI", "true")).isCi(), "ci=false: a dev container that sets CI");
        assertTrue(policy(Map.of(Setting.CI, "true"), Map.of()).isCi(), "ci=true: a CI server nobody knows");
        assertTrue(policy(Map.of(), Map.of("CI", "1")).isCi());
        assertFalse(policy(Map.of(), Map.of("CI", "")).isCi(), "an empty variable is no CI");
    }
}
