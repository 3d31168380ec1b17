package dev.cairn.walk;

import dev.cairn.build.Goals;
import dev.cairn.files.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a run left that a user relies on: its exit code, the generated tree (SHA-256 of each file's
 * bytes), the fingerprint and the lock (their text, "" when absent).
 */
record Observation(int exit, SortedMap<String, String> output, String fingerprint, String lock) {

    static Observation of(int exit, Path project) throws IOException {
        SortedMap<String, String> output = new TreeMap<>();
        for (Map.Entry<String, Path> f : FileTrees.files(project.resolve(WalkProject.OUTPUT)).entrySet()) {
            output.put(f.getKey(), sha256(Files.readAllBytes(f.getValue())));
        }
        return new Observation(exit, output, text(project.resolve(WalkProject.FINGERPRINT)), text(project.resolve(WalkProject.LOCK)));
    }

    /**
     * How this run differs from the oracle's, one line each; empty when they agree. The exit code
     * and the lock always count (a refused run must leave the lock as it was); the output and the
     * fingerprint only after a successful run, since a refused one leaves the previous output.
     */
    List<String> differences(Observation oracle) {
        List<String> d = new ArrayList<>();
        if (exit != oracle.exit) d.add("exit code " + exit + ", from zero " + oracle.exit);
        if (!lock.equals(oracle.lock)) d.add("lock differs:\n--- walk\n" + lock + "--- from zero\n" + oracle.lock);
        if (exit == Goals.OK && oracle.exit == Goals.OK) {
            if (!fingerprint.equals(oracle.fingerprint)) {
                d.add("fingerprint differs:\n--- walk\n" + fingerprint + "--- from zero\n" + oracle.fingerprint);
            }
            for (String f : union(output, oracle.output)) {
                String mine = output.get(f);
                String theirs = oracle.output.get(f);
                if (mine == null) d.add("output lacks " + f);
                else if (theirs == null) d.add("output has extra " + f);
                else if (!mine.equals(theirs)) d.add("output differs in " + f);
            }
        }
        return d;
    }

    private static List<String> union(SortedMap<String, String> a, SortedMap<String, String> b) {
        SortedMap<String, String> all = new TreeMap<>(a);
        all.putAll(b);
        return List.copyOf(all.keySet());
    }

    private static String text(Path file) throws IOException {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Files.readString(file) : "";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
