package dev.cairn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The archive the ./cairn script asks for: written by a JVM started with RecordDynamicDumpInfo, then
 * mapped by the next one. Class data sharing archives only classes from jars, so the JVMs here run
 * ClassArchive from a jar made of this module's compiled class.
 */
class ClassArchiveTest {

    /** What the child JVM runs: load something, then write the archive as GenerateCommand does. */
    public static final class Child {
        public static void main(String[] args) {
            new java.util.concurrent.ConcurrentSkipListMap<String, String>().put("a", "b");
            ClassArchive.write(Path.of(args[0]), new PrintWriter(System.err, true));
        }
    }

    @Test
    void aRecordingJvmWritesAnArchiveTheNextJvmMaps(@TempDir Path dir) throws Exception {
        Path jar = jarOf(dir.resolve("app.jar"), ClassArchive.class, Child.class);
        Path archive = dir.resolve("cds").resolve("cairn-test.jsa");
        Files.createDirectories(archive.getParent());

        Result first = java(jar, "-XX:+RecordDynamicDumpInfo", "-Xlog:cds=off,cds+dynamic=off", Child.class.getName(), archive.toString());
        assertEquals(0, first.exit, first.output);
        assertTrue(Files.size(archive) > 0, first.output);
        assertTrue(first.output.contains("class archive for faster starts written once"), first.output);
        try (Stream<Path> files = Files.list(archive.getParent())) {
            assertEquals(List.of(archive), files.toList(), "no .partial file is left beside the archive");
        }

        // -Xshare:on fails the start when the archive cannot be mapped; the archive must not be rewritten.
        long written = Files.getLastModifiedTime(archive).toMillis();
        Result second = java(jar, "-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-Xlog:cds=off,cds+dynamic=off",
                "-cp", jar.toString(), "-version");
        assertEquals(0, second.exit, second.output);
        assertEquals(written, Files.getLastModifiedTime(archive).toMillis());
    }

    @Test
    void aJvmNotStartedToRecordSaysSoAndWritesNothing(@TempDir Path dir) throws Exception {
        Path jar = jarOf(dir.resolve("app.jar"), ClassArchive.class, Child.class);
        Path archive = dir.resolve("cairn-test.jsa");
        Result r = java(jar, Child.class.getName(), archive.toString());
        assertEquals(0, r.exit, r.output);
        assertFalse(Files.exists(archive));
        assertTrue(r.output.contains("no class archive written"), r.output);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(jar), files.toList());
        }
    }

    @Test
    void onlyAMissingArchiveIsWanted(@TempDir Path dir) throws Exception {
        String before = System.getProperty(ClassArchive.PROPERTY);
        try {
            System.clearProperty(ClassArchive.PROPERTY);
            assertNull(ClassArchive.wanted());
            Path archive = dir.resolve("a.jsa");
            System.setProperty(ClassArchive.PROPERTY, archive.toString());
            assertEquals(archive, ClassArchive.wanted());
            Files.writeString(archive, "x");
            assertNull(ClassArchive.wanted());
        } finally {
            if (before == null) System.clearProperty(ClassArchive.PROPERTY);
            else System.setProperty(ClassArchive.PROPERTY, before);
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result java(Path jar, String... args) throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(javaBin));
        List<String> rest = List.of(args);
        if (!rest.contains("-cp")) {
            // JVM options first, then the class path and the main class with its arguments.
            int main = rest.indexOf(Child.class.getName());
            cmd.addAll(rest.subList(0, main));
            cmd.addAll(List.of("-cp", jar.toString()));
            cmd.addAll(rest.subList(main, rest.size()));
        } else {
            cmd.addAll(rest);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), output);
    }

    private static Path jarOf(Path jar, Class<?>... classes) throws Exception {
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o)) {
            for (Class<?> c : classes) {
                String name = c.getName().replace('.', '/') + ".class";
                j.putNextEntry(new JarEntry(name));
                try (var in = c.getClassLoader().getResourceAsStream(name)) {
                    in.transferTo(j);
                }
                j.closeEntry();
            }
        }
        return jar;
    }
}
