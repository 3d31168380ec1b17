package dev.cairn.walk;

import dev.cairn.daemon.DaemonClient;
import dev.cairn.files.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a user does between two generates. Each move says what it did in a few words, or returns
 * null when it cannot apply to the project as it is (nothing to rename, no engine to kill), and
 * the walk picks another.
 */
enum Move {
    ADD_MIGRATION(8, true),
    ADD_REPEATABLE(0.8, true),
    EDIT_LOCAL(3, true),
    EDIT_RELEASED(1, true),
    DELETE_LOCAL(1, true),
    DELETE_RELEASED(0.5, true),
    RENAME_LOCAL(1, true),
    RENAME_RELEASED(0.5, true),
    LINT_ERROR(0.7, true),
    TWO_EDITS_IN_ONE_SECOND(1, false),
    SETTING_PACKAGE(1, false),
    SETTING_SCHEMAS(0.5, false),
    SETTING_PLACEHOLDER(1, false),
    GENERATOR_FILE(0.5, false),
    GENERATOR_INLINE(0.5, false),
    SWITCH_BRANCH(1, false),
    RELEASE(2, false),
    DISCARD_CHANGES(2, false),
    HAND_EDIT_GENERATED(1, false),
    DELETE_GENERATED(0.5, false),
    ENGINE_STOP(0.5, false),
    ENGINE_KILL(0.4, false),
    ENGINE_SIGSTOP(0.3, false),
    CORRUPT_CACHE(0.8, false),
    CI_BUILD(0.7, false),
    FORCE(0.7, false),
    NOTHING(0.6, false),
    /** After a failed run: the developer deletes the newest migration not yet committed (what broke the build). */
    REPAIR(0, true);

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    final double weight;
    /** Whether it saves files in the migration folder, so that generate --watch runs on it. */
    final boolean savesMigrations;

    Move(double weight, boolean savesMigrations) {
        this.weight = weight;
        this.savesMigrations = savesMigrations;
    }

    /** A move by weight; after a failed run, often the repair a developer makes. */
    static Move pick(Random random, boolean lastRunFailed) {
        if (lastRunFailed) {
            double fix = random.nextDouble();
            if (fix < 0.3) return REPAIR;
            if (fix < 0.45) return DISCARD_CHANGES;
        }
        double total = Stream.of(values()).mapToDouble(m -> m.weight).sum();
        double x = random.nextDouble() * total;
        for (Move m : values()) {
            x -= m.weight;
            if (x < 0) return m;
        }
        return NOTHING;
    }

    /** Applies the move; what it did, or null when it does not apply now. */
    String apply(UserWalk walk) throws Exception {
        WalkProject p = walk.project();
        Random r = walk.random();
        return switch (this) {
            case ADD_MIGRATION -> add(p, r);
            case ADD_REPEATABLE -> {
                // removed as often as changed: a chain with a repeatable reuses only a snapshot of the identical chain
                Path repeatable = p.migrations().resolve("R__views.sql");
                if (Files.exists(repeatable) && r.nextBoolean()) {
                    Files.delete(repeatable);
                    yield "deleted R__views.sql";
                }
                List<String> tables = p.tables();
                String view = tables.isEmpty() ? "SELECT 1 AS one" : "SELECT id FROM " + tables.get(r.nextInt(tables.size()));
                Files.writeString(p.migrations().resolve("R__views.sql"), "CREATE OR REPLACE VIEW everything AS " + view + ";\n");
                yield "repeatable R__views.sql: " + view;
            }
            case EDIT_LOCAL -> edit(p, r, false);
            case EDIT_RELEASED -> edit(p, r, true);
            case DELETE_LOCAL, DELETE_RELEASED -> {
                Path f = pickMigration(p, r, this == DELETE_RELEASED);
                if (f == null) yield null;
                Files.delete(f);
                yield "deleted " + f.getFileName();
            }
            case RENAME_LOCAL, RENAME_RELEASED -> {
                Path f = pickMigration(p, r, this == RENAME_RELEASED);
                if (f == null) yield null;
                Matcher m = VERSIONED.matcher(f.getFileName().toString());
                if (!m.matches()) yield null;
                Path to = f.resolveSibling("V" + m.group(1) + "__" + m.group(2) + "_r" + r.nextInt(100) + ".sql");
                if (Files.exists(to)) yield null;
                Files.move(f, to);
                yield "renamed " + f.getFileName() + " to " + to.getFileName();
            }
            case LINT_ERROR -> {
                List<String> tables = p.tables();
                if (tables.isEmpty()) yield null;
                int v = p.nextVersion();
                String table = tables.get(r.nextInt(tables.size()));
                // index-not-concurrent: an index built under a write lock on an existing table
                Path f = p.migrations().resolve("V" + v + "__index_" + table + "_blocking.sql");
                Files.writeString(f, "CREATE INDEX IF NOT EXISTS i" + v + " ON " + table + " (id);\n");
                yield "added " + f.getFileName() + " (a lint error)";
            }
            case TWO_EDITS_IN_ONE_SECOND -> twoEdits(walk, p, r);
            case SETTING_PACKAGE -> toggle(p, "packageName", "com.example.db", null);
            case SETTING_SCHEMAS -> toggle(p, "schemas", "public,audit", null);
            case SETTING_PLACEHOLDER -> toggle(p, "placeholders", "label=second", "label=first");
            case GENERATOR_FILE -> {
                Path file = p.dir.resolve(WalkProject.GENERATOR_FILE);
                if (Files.exists(file)) {
                    Files.delete(file);
                    p.setting("generatorConfig", null);
                    yield "removed " + WalkProject.GENERATOR_FILE;
                }
                Files.writeString(file, "<configuration><generator><generate><pojos>true</pojos></generate></generator></configuration>\n");
                p.setting("generatorConfig", WalkProject.GENERATOR_FILE);
                yield "added " + WalkProject.GENERATOR_FILE + " (pojos)";
            }
            case GENERATOR_INLINE -> {
                p.inlineGenerator = p.inlineGenerator != null ? null
                        : "<generator><generate><records>false</records><daos>false</daos><javadoc>false</javadoc></generate></generator>";
                yield p.inlineGenerator == null ? "removed the pom's <generator>" : "added a <generator> to the pom (no javadoc)";
            }
            case SWITCH_BRANCH -> {
                if (walk.lastRunFailed()) yield null; // a team commits what builds
                p.commitAll("work on " + p.branch());
                String to = p.branch().equals("main") ? "topic" : "main";
                int exit = p.git("checkout", "-q", to);
                if (exit != 0 && p.git("checkout", "-q", "-b", to) != 0) throw new IOException("git checkout " + to + " failed");
                yield "committed and switched to branch " + to;
            }
            case RELEASE -> {
                if (walk.lastRunFailed()) yield null;
                p.commitAll("ship");
                yield "committed everything (released)";
            }
            case DISCARD_CHANGES -> {
                if (p.gitOutput("rev-parse", "--verify", "-q", "HEAD").isBlank()) yield null;
                p.git("checkout", "-q", "--", ".");
                p.git("clean", "-fdq", "-e", "target");
                yield "discarded uncommitted changes";
            }
            case HAND_EDIT_GENERATED, DELETE_GENERATED -> {
                List<Path> generated = List.copyOf(FileTrees.files(p.output()).values());
                if (generated.isEmpty()) yield null;
                Path f = generated.get(r.nextInt(generated.size()));
                if (this == DELETE_GENERATED) Files.delete(f);
                else Files.writeString(f, Files.readString(f).replaceFirst("\n", "\n// edited by hand\n"));
                yield (this == DELETE_GENERATED ? "deleted " : "edited by hand ") + p.output().relativize(f);
            }
            case ENGINE_STOP, ENGINE_KILL, ENGINE_SIGSTOP -> engine(walk, p);
            case CORRUPT_CACHE -> corrupt(walk, p, r);
            case CI_BUILD -> {
                walk.nextRunIsCi();
                yield "next run with CI=true";
            }
            case FORCE -> {
                walk.nextRunIsForced();
                yield "next run with --force";
            }
            case NOTHING -> "nothing changed";
            case REPAIR -> {
                List<Path> local = new ArrayList<>();
                for (Path f : p.migrationFiles()) if (!p.committed(f)) local.add(f);
                if (local.isEmpty()) yield null;
                Path newest = local.stream().max(Comparator.comparing(Move::version)).orElseThrow();
                Files.delete(newest);
                yield "repair: deleted " + newest.getFileName();
            }
        };
    }

    private static int version(Path f) {
        Matcher m = VERSIONED.matcher(f.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String add(WalkProject p, Random r) throws IOException {
        int v = p.nextVersion();
        List<String> tables = p.tables();
        String table = tables.isEmpty() ? null : tables.get(r.nextInt(tables.size()));
        int kind = table == null ? 0 : r.nextInt(6);
        String name;
        String sql;
        switch (kind) {
            case 1 -> {
                name = "add_" + table + "_c" + v;
                sql = "ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS c" + v + " text;\n";
            }
            case 2 -> {
                name = "index_" + table + "_c" + v;
                sql = "CREATE INDEX CONCURRENTLY IF NOT EXISTS i" + v + " ON " + table + " (id);\n";
            }
            case 3 -> {
                name = "create_e" + v;
                sql = "CREATE TYPE e" + v + " AS ENUM ('new', 'done');\n"
                        + "CREATE TABLE IF NOT EXISTS t" + v + " (id bigint PRIMARY KEY, state e" + v + " NOT NULL DEFAULT 'new');\n";
            }
            case 4 -> {
                name = "create_v" + v;
                sql = "CREATE OR REPLACE VIEW v" + v + " AS SELECT id FROM " + table + ";\n";
            }
            case 5 -> {
                name = "create_t" + v + "_labelled";
                sql = "CREATE TABLE IF NOT EXISTS t" + v + " (id bigint PRIMARY KEY, label text NOT NULL DEFAULT '${label}');\n";
            }
            default -> {
                name = "create_t" + v;
                sql = "CREATE TABLE IF NOT EXISTS t" + v + " (id bigint PRIMARY KEY, name text);\n";
            }
        }
        Path f = p.migrations().resolve("V" + v + "__" + name + ".sql");
        Files.createDirectories(f.getParent());
        Files.writeString(f, sql);
        return "added " + f.getFileName();
    }

    /** A versioned migration, committed at HEAD (released) or not (local work); null when there is none. */
    private static Path pickMigration(WalkProject p, Random r, boolean released) throws IOException, InterruptedException {
        List<Path> candidates = new ArrayList<>();
        for (Path f : p.migrationFiles()) {
            if (VERSIONED.matcher(f.getFileName().toString()).matches() && p.committed(f) == released) candidates.add(f);
        }
        return candidates.isEmpty() ? null : candidates.get(r.nextInt(candidates.size()));
    }

    private static String edit(WalkProject p, Random r, boolean released) throws IOException, InterruptedException {
        Path f = pickMigration(p, r, released);
        if (f == null) return null;
        Matcher m = Pattern.compile("CREATE TABLE IF NOT EXISTS (t\\d+) ").matcher(Files.readString(f));
        String change = m.find() && r.nextBoolean()
                ? "ALTER TABLE " + m.group(1) + " ADD COLUMN IF NOT EXISTS x" + r.nextInt(1000) + " integer;\n"
                : "-- reviewed " + r.nextInt(1000) + "\n";
        Files.writeString(f, Files.readString(f) + change);
        return "edited " + (released ? "released " : "") + f.getFileName() + ": " + change.strip();
    }

    /**
     * An edit, a generate, and a second edit of the same size whose time stamp is the first's: what
     * two saves within one tick of a coarse file-system clock look like.
     */
    private static String twoEdits(UserWalk walk, WalkProject p, Random r) throws Exception {
        Path f = pickMigration(p, r, false);
        if (f == null) return null;
        String before = Files.readString(f);
        Matcher m = Pattern.compile("CREATE TABLE IF NOT EXISTS (t\\d+) ").matcher(before);
        String second = m.find() ? "ALTER TABLE " + m.group(1) + " ADD COLUMN IF NOT EXISTS y integer;\n" : "-- note 2\n";
        String first = "-- " + "x".repeat(second.length() - 4) + "\n";
        Files.writeString(f, before + first);
        FileTime stamp = Files.getLastModifiedTime(f);
        int exit = walk.runBetween();
        Files.writeString(f, before + second);
        Files.setLastModifiedTime(f, stamp);
        return "edited " + f.getFileName() + " twice in one tick (same size, same time stamp; the run between: exit " + exit + ")";
    }

    private static String toggle(WalkProject p, String key, String value, String otherwise) throws IOException {
        String now = p.setting(key).orElse(null);
        String next = value.equals(now) ? otherwise : value;
        p.setting(key, next);
        return key + "=" + (next == null ? "(default)" : next);
    }

    private String engine(UserWalk walk, WalkProject p) throws Exception {
        List<ProcessHandle> engines = WarmEngines.of(p.dir);
        if (engines.isEmpty()) return null;
        ProcessHandle engine = engines.getFirst();
        switch (this) {
            case ENGINE_STOP -> {
                DaemonClient.stop(FrontEnd.settings(p, Map.of("daemon", FrontEnd.ENGINE_IDLE),
                        walk.environment()), walk.environment(), line -> { });
                WarmEngines.awaitExit(engine, Duration.ofSeconds(60));
                return "stopped the warm engine (daemon=stop)";
            }
            case ENGINE_KILL -> {
                engine.destroyForcibly();
                WarmEngines.awaitExit(engine, Duration.ofSeconds(60));
                return "killed the warm engine (kill -9)";
            }
            default -> {
                WarmEngines.signal(engine, "STOP");
                walk.resumeAfterNextRunStarts(engine);
                return "stopped the warm engine with SIGSTOP (SIGCONT once the next run waits on it)";
            }
        }
    }

    /** Damages what a cache holds: a hash in the file-hash cache, or a snapshot's description or files. */
    private static String corrupt(UserWalk walk, WalkProject p, Random r) throws IOException {
        List<Path> targets = new ArrayList<>();
        Path hashes = p.dir.resolve(FILE_HASHES);
        if (Files.isRegularFile(hashes)) targets.add(hashes);
        targets.addAll(FileTrees.files(walk.snapshots()).values().stream()
                .filter(f -> f.getFileName().toString().equals("snapshot.txt") || f.getFileName().toString().equals("PG_VERSION")).toList());
        if (targets.isEmpty()) return null;
        Path f = targets.get(r.nextInt(targets.size()));
        if (f.equals(hashes)) {
            String which = corruptHash(hashes, r);
            return which == null ? null : "corrupted the cached hash of " + which + " in " + FILE_HASHES;
        }
        byte[] bytes = Files.readAllBytes(f);
        if (bytes.length == 0) return null;
        // A flipped byte in the middle, the time stamp kept: what a bad disk block leaves.
        int at = Math.min(bytes.length / 2 + r.nextInt(Math.max(1, bytes.length / 2)), bytes.length - 1);
        bytes[at] = (byte) (bytes[at] == '0' ? '1' : '0');
        FileTime stamp = Files.getLastModifiedTime(f);
        Files.write(f, bytes);
        Files.setLastModifiedTime(f, stamp);
        return "corrupted byte " + at + " of snapshot file " + walk.snapshots().relativize(f) + " (time stamp kept)";
    }

    static final String FILE_HASHES = "target/cairn-file-hashes.tsv";

    /**
     * One hex digit of one entry's SHA-256 changed, the line still well formed (a torn write, a bad
     * block): the path of the entry, or null when the cache holds none.
     */
    static String corruptHash(Path hashes, Random r) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(hashes));
        List<Integer> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) if (!lines.get(i).startsWith("#") && SHA.matcher(lines.get(i)).find()) entries.add(i);
        if (entries.isEmpty()) return null;
        int line = entries.get(r.nextInt(entries.size()));
        String[] fields = lines.get(line).split("\t");
        for (int i = 0; i < fields.length; i++) {
            if (!SHA.matcher(fields[i]).matches()) continue;
            char[] sha = fields[i].toCharArray();
            int at = r.nextInt(sha.length);
            sha[at] = sha[at] == '0' ? '1' : '0';
            fields[i] = new String(sha);
            break;
        }
        lines.set(line, String.join("\t", fields));
        Files.write(hashes, lines);
        return fields[fields.length - 1];
    }

    private static final Pattern SHA = Pattern.compile("\\b[0-9a-f]{64}\\b");
}
