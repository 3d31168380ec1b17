package dev.cairn.daemon;

import dev.cairn.config.CairnSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daemons' folder in the shared temp folder, where another user may have been first: a link
 * planted at its name is refused (never followed), clean-up deletes the daemons' own files only,
 * and a request carries only the environment variables that change a run.
 */
class DaemonFolderTest {

    @TempDir
    Path tmp;

    private String tmpdir;
    private Path folder;

    @BeforeEach
    void ownTempFolder() {
        tmpdir = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString()); // not the machine's shared folder
        folder = tmp.resolve("cairn-daemons-" + System.getProperty("user.name").replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    @AfterEach
    void restore() {
        System.setProperty("java.io.tmpdir", tmpdir);
    }

    @Test
    void aLinkAtTheFolderNameIsRefusedAndWhatItPointsAtIsLeftAlone() throws Exception {
        Path mine = Files.createDirectory(tmp.resolve("my-files"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path precious = Files.writeString(mine.resolve("thesis.tex"), "years of work");
        Files.setLastModifiedTime(precious, FileTime.from(Instant.now().minus(Duration.ofDays(30))));
        Files.createSymbolicLink(folder, mine);

        IOException e = assertThrows(IOException.class, DaemonAddress::folder);
        assertEquals(folder + " is not a folder of this user's alone (a symbolic link): no daemon uses it."
                + " Remove it if it is not yours to keep.", e.getMessage());
        assertThrows(IOException.class, () -> DaemonClient.everyDaemon(false, line -> { }));
        assertTrue(Files.exists(precious));
    }

    @Test
    void aFolderOthersMayOpenIsRefused() throws Exception {
        Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        IOException e = assertThrows(IOException.class, DaemonAddress::folder);
        assertTrue(e.getMessage().contains("(owner " + System.getProperty("user.name") + ", rwxrwxrwx)"), e.getMessage());
    }

    @Test
    void cleanUpDeletesOnlyTheDaemonsOwnOldFilesByName() throws Exception {
        Path dir = DaemonAddress.folder();
        Path victim = Files.writeString(tmp.resolve("victim.lock"), "not a daemon's");
        Set<String> own = Set.of("0a1b2c3d-4e5f6a7b-8c9d0e1f.lock", "0a1b2c3d-4e5f6a7b-8c9d0e1f.log", "0123456789abcdef.log");
        Set<String> others = Set.of("notes.txt", "0a1b2c3d.lock", "report.log", "0a1b2c3d-4e5f6a7b-8c9d0e1f.lock.bak");
        for (String name : own) Files.writeString(dir.resolve(name), "old");
        for (String name : others) Files.writeString(dir.resolve(name), "old");
        // A link named as a daemon's file: the link is left, and what it points at too.
        Path link = Files.createSymbolicLink(dir.resolve("ffffffff-ffffffff-ffffffff.lock"), victim);
        // A listening daemon's lock (its socket beside it) is kept, however old.
        Path listening = Files.writeString(dir.resolve("11111111-22222222-33333333.lock"), "old");
        Files.writeString(dir.resolve("11111111-22222222-33333333.sock"), "");
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofDays(8)));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) if (!Files.isSymbolicLink(f)) Files.setLastModifiedTime(f, old);
        }
        Files.setLastModifiedTime(victim, old);

        GenerateDaemon.removeOld(dir);

        for (String name : own) assertFalse(Files.exists(dir.resolve(name)), name);
        for (String name : others) assertTrue(Files.exists(dir.resolve(name)), name);
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.exists(victim));
        assertTrue(Files.exists(listening));
    }

    @Test
    void aRequestCarriesOnlyTheEnvironmentThatChangesARun() throws Exception {
        Files.createDirectories(tmp.resolve("project/src/main/resources/db/migration"));
        CairnSettings settings = CairnSettings.resolve(tmp.resolve("project"), Map.of(), Map.of(), Map.of());
        Map<String, String> environment = Map.of("PATH", "/usr/bin", "AWS_SECRET_ACCESS_KEY", "s3cr3t", "GITHUB_TOKEN", "ghp_x",
                "CAIRN_DATABASE", "embedded", "DOCKER_HOST", "unix:///run/docker.sock", "HOME", "/home/dev", "CI", "false");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DaemonProtocol.writeRequest(new DataOutputStream(bytes), settings, environment);
        DaemonProtocol.Request sent = DaemonProtocol.readRequest(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(Map.of("CAIRN_DATABASE", "embedded", "DOCKER_HOST", "unix:///run/docker.sock", "HOME", "/home/dev", "CI", "false"),
                sent.environment());
    }
}
