package dev.cairn.daemon;

import dev.cairn.config.CairnSettings;
import dev.cairn.config.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which runs the warm engine takes, from the setting and the environment. */
class DaemonClientTest {

    @TempDir
    Path project;

    private CairnSettings settings(String daemon) throws Exception {
        Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        return CairnSettings.resolve(project, Map.of(), Map.of("cairn.daemon", daemon), Map.of());
    }

    @Test
    void aTimeIsHowLongItWaitsOffAndStopLeaveItOutAndCiNeverUsesIt() throws Exception {
        assertEquals(Optional.of(Duration.ofSeconds(90)), DaemonClient.wanted(settings("90s"), Map.of()));
        assertEquals(Optional.of(Duration.ofHours(2)), DaemonClient.wanted(settings("2h"), Map.of()));
        assertEquals(Optional.of(Duration.ofMinutes(30)), DaemonClient.wanted(settings("30m"), Map.of("CI", "false")));
        assertEquals(Optional.empty(), DaemonClient.wanted(settings("30m"), Map.of("CI", "true")));
        assertEquals(Optional.empty(), DaemonClient.wanted(settings("off"), Map.of()));
        assertEquals(Optional.empty(), DaemonClient.wanted(settings("stop"), Map.of()));
        assertTrue(DaemonClient.stopping(settings("STOP")));
        assertEquals(Optional.empty(), DaemonClient.wanted(settings("30m").with(Setting.CHECK, "true", "test"), Map.of()),
                "check mode never");
    }

    @Test
    void aValueThatIsNoTimeIsRefusedSayingWhereItCameFrom() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DaemonClient.wanted(settings("soon"), Map.of()));
        assertEquals("daemon (-Dcairn.daemon) must be a time such as 30m, 90s or 2h, off or stop; not 'soon'.", e.getMessage());
    }
}
