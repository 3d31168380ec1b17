package dev.cairn.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of text files and strings, hex encoded. File content is hashed with CRLF read as LF, so
 * a Windows checkout (git autocrlf) hashes the same as a Linux one; Flyway's own checksum ignores
 * line endings for the same reason.
 */
public final class Sha256 {

    private Sha256() {
    }

    public static String ofFile(Path file) throws IOException {
        return hex(normalizeLineEndings(Files.readAllBytes(file)));
    }

    public static String of(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static byte[] normalizeLineEndings(byte[] b) {
        int cr = 0;
        for (byte x : b) if (x == '\r') cr++;
        if (cr == 0) return b;
        byte[] out = new byte[b.length];
        int n = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n') continue;
            out[n++] = b[i];
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
