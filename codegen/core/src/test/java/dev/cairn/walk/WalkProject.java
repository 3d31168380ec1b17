package dev.cairn.walk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project a walk works on, as a user's checkout: migrations, the lock, cairn.properties, an
 * optional jOOQ codegen file, a git repository (what is committed at HEAD is released), and the
 * pom's inline {@code <generator>}, which lives in the build file rather than on disk here.
 */
final class WalkProject {

    static final String MIGRATIONS = "src/main/resources/db/migration";
    static final String LOCK = "src/main/resources/db/migrations.lock";
    static final String OUTPUT = "target/generated-sources/jooq";
    static final String FINGERPRINT = "target/generated-sources/codegen.fingerprint";
    static final String GENERATOR_FILE = "jooq-codegen.xml";

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
    private static final Pattern TABLE = Pattern.compile("CREATE TABLE IF NOT EXISTS (t\\d+) ");

    final Path dir;
    /** The pom's inline {@code <generator>} (plugin front ends only), or null. */
    String inlineGenerator;

    WalkProject(Path dir) {
        this.dir = dir;
    }

    /** A new project: one table, lint quiet about undo scripts, a git repository with nothing committed. */
    static WalkProject create(Path dir) throws IOException, InterruptedException {
        WalkProject p = new WalkProject(dir);
        Files.createDirectories(p.migrations());
        Files.writeString(dir.resolve(".gitignore"), "target/\n");
        p.setting("lint", "missing-undo=off");
        p.setting("placeholders", "label=first");
        Files.writeString(p.migrations().resolve("V1__create_t1.sql"), "CREATE TABLE IF NOT EXISTS t1 (id bigint PRIMARY KEY, name text);\n");
        p.git("init", "-q", "-b", "main");
        return p;
    }

    Path migrations() {
        return dir.resolve(MIGRATIONS);
    }

    Path output() {
        return dir.resolve(OUTPUT);
    }

    /** Migration files on disk (versioned and repeatable), sorted by name. */
    List<Path> migrationFiles() throws IOException {
        if (!Files.isDirectory(migrations())) return List.of();
        try (Stream<Path> files = Files.list(migrations())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
    }

    /** The next free version among the files on disk. */
    int nextVersion() throws IOException {
        int max = 0;
        for (Path f : migrationFiles()) {
            Matcher m = VERSIONED.matcher(f.getFileName().toString());
            if (m.matches()) max = Math.max(max, Integer.parseInt(m.group(1)));
        }
        return max + 1;
    }

    /** Tables the migrations on disk create (a later change may refer to them). */
    List<String> tables() throws IOException {
        List<String> tables = new ArrayList<>();
        for (Path f : migrationFiles()) {
            Matcher m = TABLE.matcher(Files.readString(f));
            while (m.find()) tables.add(m.group(1));
        }
        return tables;
    }

    /** Whether the file is committed at HEAD (the lock entry of a committed migration is released). */
    boolean committed(Path file) throws IOException, InterruptedException {
        return git("cat-file", "-e", "HEAD:" + dir.relativize(file).toString().replace('\\', '/')) == 0;
    }

    void setting(String key, String value) throws IOException {
        Properties p = properties();
        if (value == null) p.remove(key);
        else p.setProperty(key, value);
        StringBuilder text = new StringBuilder();
        p.stringPropertyNames().stream().sorted().forEach(k -> text.append(k).append('=').append(p.getProperty(k)).append('\n'));
        Files.writeString(dir.resolve("cairn.properties"), text);
    }

    Optional<String> setting(String key) throws IOException {
        return Optional.ofNullable(properties().getProperty(key));
    }

    private Properties properties() throws IOException {
        Properties p = new Properties();
        Path file = dir.resolve("cairn.properties");
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            }
        }
        return p;
    }

    /** Commits everything (the user ships: every lock entry committed now is released). */
    void commitAll(String message) throws IOException, InterruptedException {
        require(git("add", "-A"), "add");
        if (git("diff", "--cached", "--quiet") != 0) require(git("commit", "-q", "-m", message), "commit");
    }

    String branch() throws IOException, InterruptedException {
        return gitOutput("rev-parse", "--abbrev-ref", "HEAD").strip();
    }

    int git(String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(gitCommand(args)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("git " + String.join(" ", args) + " did not end within 60 s");
        }
        return p.exitValue();
    }

    String gitOutput(String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(gitCommand(args)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("git " + String.join(" ", args) + " did not end within 60 s");
        }
        return p.exitValue() == 0 ? text : "";
    }

    private List<String> gitCommand(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.email=walk@example.com",
                "-c", "user.name=walk", "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null"));
        command.addAll(List.of(args));
        return command;
    }

    private static void require(int exit, String what) throws IOException {
        if (exit != 0) throw new IOException("git " + what + " failed (exit " + exit + ")");
    }
}
