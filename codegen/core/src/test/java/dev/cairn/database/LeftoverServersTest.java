package dev.cairn.database;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeftoverServersTest {

    /** Child JVM: start a server, say where, then wait to be killed. */
    public static void main(String[] args) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.start();
        System.out.println(pg.workDir() + " " + pg.pid());
        System.out.flush();
        Thread.sleep(120_000);
    }

    @Test
    void aServerWhoseJvmWasKilledIsRemovedByTheNextStart() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                LeftoverServersTest.class.getName())).redirectErrorStream(true).start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("/"));
        }
        assertNotNull(line, "child started a server");
        Path workDir = Path.of(line.split(" ")[0]);
        long serverPid = Long.parseLong(line.split(" ")[1]);

        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        child.waitFor(10, TimeUnit.SECONDS);
        assertTrue(Files.exists(workDir), "a killed JVM leaves its server behind");
        assertTrue(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false));

        try (EmbeddedPostgres next = EmbeddedPostgres.start()) {
            assertFalse(Files.exists(workDir), "the next start removed the abandoned directory");
            ProcessHandle.of(serverPid).ifPresent(p -> p.onExit().join());
            assertFalse(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false), "and stopped its server");
        }
    }
}
