package dev.cairn.daemon;

import dev.cairn.config.CairnSettings;
import dev.cairn.config.FrontEnd;
import dev.cairn.lint.Severity;
import dev.cairn.config.Setting;
import dev.cairn.generate.UserGenerator;
import dev.cairn.pipeline.PipelineResult;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What client and daemon say to each other. A request is one generate: the settings as the
 * client resolved them (values and where each came from, jOOQ's {@code <generator>} as its XML)
 * and the environment variables that can change a run. The answer is a stream of frames: the
 * daemon's pid at once, stage lines for stdout and stderr as the run prints them, its result, then
 * its exit code, or the failure's message; or, when it does not take the run, why. While the run
 * goes on, the client may send {@link #CANCEL}; the daemon answers whether the run stops.
 * Stop and status, after the version, are one byte in every version, so that any client can stop
 * an older daemon.
 */
final class DaemonProtocol {

    static final int VERSION = 2;

    /** What a client asks for, after the version: a generate, or the daemon's end. */
    static final byte GENERATE = 'G';
    static final byte STOP = 'S';
    static final byte STATUS = 'Q';

    static final byte OUT = 'O';
    static final byte ERR = 'E';
    /** A finding's line at its level (a byte: the Severity's ordinal), which Maven logs as WARN or ERROR. */
    static final byte LEVELED = 'L';
    static final byte RESULT = 'R';
    static final byte EXIT = 'C';
    static final byte FAILED = 'X';
    /** The first frame of an answer: the daemon's pid. */
    static final byte HELLO = 'H';
    /** The daemon does not run this request (it could not read it, or it is stopping): the client runs it. */
    static final byte REFUSED = 'U';
    /** Client to daemon during a run (Ctrl-C); the answer frame has the same byte and a boolean: it stops. */
    static final byte CANCEL = 'K';

    /** One generate, as the daemon runs it; or, with no settings, a request to stop or to say what it is. */
    record Request(byte kind, CairnSettings settings, Map<String, String> environment) {
        boolean stop() {
            return kind == STOP;
        }

        boolean status() {
            return kind == STATUS;
        }
    }

    private DaemonProtocol() {
    }

    static void writeRequest(DataOutputStream out, CairnSettings settings, Map<String, String> environment) throws IOException {
        out.writeInt(VERSION);
        out.writeByte(GENERATE);
        writeString(out, settings.baseDir().toString());
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        settings.values().forEach((s, v) -> values.put(s.key(), v));
        settings.sources().forEach((s, v) -> sources.put(s.key(), v));
        writeMap(out, values);
        writeMap(out, sources);
        writeString(out, settings.generator().map(UserGenerator::asXml).orElse(null));
        writeMap(out, DaemonAddress.relevant(environment));
        writeString(out, settings.frontEnd().name());
        out.flush();
    }

    /** A request without settings: {@link #STOP} or {@link #STATUS}. */
    static void writeBare(DataOutputStream out, byte kind) throws IOException {
        out.writeInt(VERSION);
        out.writeByte(kind);
        out.flush();
    }

    static Request readRequest(DataInputStream in) throws IOException {
        int version = in.readInt();
        byte kind = in.readByte();
        if (kind == STOP || kind == STATUS) return new Request(kind, null, Map.of());
        if (kind != GENERATE) throw new IOException("request " + kind + " is not cairn's protocol");
        if (version != VERSION) throw new IOException("protocol " + version + ", this daemon speaks " + VERSION);
        Path baseDir = Path.of(readString(in));
        Map<Setting, String> values = settings(readMap(in));
        Map<Setting, String> sources = settings(readMap(in));
        String generator = readString(in);
        Map<String, String> environment = readMap(in);
        FrontEnd frontEnd;
        try {
            frontEnd = FrontEnd.valueOf(readString(in));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException("unknown front end", e);
        }
        CairnSettings s = new CairnSettings(baseDir, values, sources, Optional.empty(), frontEnd);
        if (generator != null) s = s.withGenerator(UserGenerator.parse(generator));
        return new Request(GENERATE, s, environment);
    }

    private static Map<Setting, String> settings(Map<String, String> byKey) throws IOException {
        Map<Setting, String> m = new EnumMap<>(Setting.class);
        for (var e : byKey.entrySet()) {
            m.put(Setting.byKey(e.getKey()).orElseThrow(() -> new IOException("unknown setting " + e.getKey())), e.getValue());
        }
        return m;
    }

    /** A frame of one text: a line for {@link #OUT} or {@link #ERR}, or why a run was {@link #REFUSED} or {@link #FAILED}. */
    static void writeLine(DataOutputStream out, byte stream, String line) throws IOException {
        out.writeByte(stream);
        writeString(out, line);
        out.flush();
    }

    /** A {@link #LEVELED} frame. */
    static void writeLeveled(DataOutputStream out, Severity level, String line) throws IOException {
        out.writeByte(LEVELED);
        out.writeByte(level.ordinal());
        writeString(out, line);
        out.flush();
    }

    /** After the {@link #LEVELED} byte. */
    static Severity readLevel(DataInputStream in) throws IOException {
        int ordinal = in.readByte();
        if (ordinal < 0 || ordinal >= Severity.values().length) throw new IOException("level " + ordinal + " is not cairn's protocol");
        return Severity.values()[ordinal];
    }

    static void writeResult(DataOutputStream out, PipelineResult r) throws IOException {
        out.writeByte(RESULT);
        writeString(out, r.outcome().name());
        writeString(out, r.fingerprint());
        out.writeInt(r.findings().size());
        for (String f : r.findings()) writeString(out, f);
        writeString(out, r.database());
        out.writeInt(r.migrationsApplied());
        writeString(out, r.schemaVersion());
        out.writeInt(r.tables());
        out.writeInt(r.enums());
        out.writeBoolean(r.outputChanged());
        for (Duration d : List.of(r.databaseStart(), r.migrate(), r.generate(), r.total())) out.writeLong(d.toNanos());
        out.writeInt(r.reused());
        out.flush();
    }

    /** After the {@link #RESULT} byte. */
    static PipelineResult readResult(DataInputStream in) throws IOException {
        PipelineResult.Outcome outcome = PipelineResult.Outcome.valueOf(readString(in));
        String fingerprint = readString(in);
        List<String> findings = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) findings.add(readString(in));
        String database = readString(in);
        int applied = in.readInt();
        String version = readString(in);
        int tables = in.readInt();
        int enums = in.readInt();
        boolean changed = in.readBoolean();
        return new PipelineResult(outcome, fingerprint, findings, database, applied, version, tables, enums, changed,
                Duration.ofNanos(in.readLong()), Duration.ofNanos(in.readLong()), Duration.ofNanos(in.readLong()),
                Duration.ofNanos(in.readLong()), in.readInt());
    }

    static void writeExit(DataOutputStream out, int code) throws IOException {
        out.writeByte(EXIT);
        out.writeInt(code);
        out.flush();
    }

    static void writeHello(DataOutputStream out, long pid) throws IOException {
        out.writeByte(HELLO);
        out.writeLong(pid);
        out.flush();
    }

    /** The answer to {@link #CANCEL}: whether the run stops before it writes anything. */
    static void writeCancelled(DataOutputStream out, boolean stops) throws IOException {
        out.writeByte(CANCEL);
        out.writeBoolean(stops);
        out.flush();
    }

    private static void writeMap(DataOutputStream out, Map<String, String> m) throws IOException {
        out.writeInt(m.size());
        for (var e : m.entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
    }

    private static Map<String, String> readMap(DataInputStream in) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) m.put(readString(in), readString(in));
        return m;
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        if (n > 64 << 20) throw new IOException("a string of " + n + " bytes: not cairn's protocol");
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
