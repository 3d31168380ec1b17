package dev.cairn.migrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a migration's text as Flyway does (UTF-8), but says where it is not UTF-8: the JDK's own
 * message ("Input length = 3") names neither the file nor the place.
 */
public final class MigrationText {

    private MigrationText() {
    }

    public static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) r = decoder.flush(out);
        if (r.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) if (bytes[i] == '\n') line++;
            throw new MigrationSourceException(file + " is not valid UTF-8: byte offset " + offset + " (line " + line
                    + ") holds 0x" + String.format("%02X", bytes[offset] & 0xff)
                    + ". Flyway reads migrations as UTF-8: re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8).",
                    characterCoding(r));
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static CharacterCodingException characterCoding(CoderResult r) {
        try {
            r.throwException();
        } catch (CharacterCodingException e) {
            return e;
        }
        return new CharacterCodingException();
    }
}
