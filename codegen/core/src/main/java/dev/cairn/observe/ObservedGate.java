package dev.cairn.observe;

import dev.cairn.lint.Severity;
import dev.cairn.lint.Suppression;
import dev.cairn.lint.TruncatedTables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the new migrations did on the throwaway database, as lines a person reads and a verdict:
 * one line per finding, naming the file, the line of the statement that touched the relation, the
 * rule and what PostgreSQL showed. An error fails the run unless the statement carries
 * {@code -- lint:ignore <rule> reason: <why>} on the line before it, as static findings do.
 */
public final class ObservedGate {

    /** One finding where it belongs: file and line. */
    public record Located(Path file, int line, ObservedFinding finding, Severity severity, boolean suppressed) {

        public String format(Path base) {
            Path shown = base != null && file.toAbsolutePath().startsWith(base) ? base.relativize(file.toAbsolutePath()) : file;
            return shown + ":" + line + " " + severity.label() + " " + finding.rule() + " " + finding.text();
        }
    }

    private final List<Located> located;

    private ObservedGate(List<Located> located) {
        this.located = List.copyOf(located);
    }

    /**
     * @param files    the migration file for each script name
     * @param severity the configured severity of a rule id (its default when not configured)
     */
    public static ObservedGate of(List<Observation> observations, Map<String, Path> files,
                                  Function<ObservedFinding, Severity> severity) throws IOException {
        List<Located> out = new ArrayList<>();
        for (Observation o : observations) {
            Path file = files.get(o.script());
            List<String> lines = file != null ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            TruncatedTables truncated = TruncatedTables.in(String.join("\n", lines));
            for (ObservedFinding f : ObservedRisks.of(o, truncated)) {
                Severity s = severity.apply(f);
                if (s == Severity.OFF) continue;
                int line = lineOf(lines, f.relation());
                out.add(new Located(file != null ? file : Path.of(o.script()), line, f, s, suppressed(lines, line, f.rule())));
            }
        }
        return new ObservedGate(out);
    }

    public List<Located> findings() {
        return located;
    }

    public long errors() {
        return located.stream().filter(l -> l.severity() == Severity.ERROR && !l.suppressed()).count();
    }

    /** The first statement line that names the relation (without its schema); 1 when none does. */
    static int lineOf(List<String> lines, String relation) {
        if (relation.isEmpty()) return 1;
        String name = relation.substring(relation.lastIndexOf('.') + 1).replace("\"", "").toLowerCase(Locale.ROOT);
        Pattern word = Pattern.compile("(?<![a-z0-9_])" + Pattern.quote(name) + "(?![a-z0-9_])");
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip().toLowerCase(Locale.ROOT);
            if (l.startsWith("--")) continue;
            if (word.matcher(l).find()) return i + 1;
        }
        return 1;
    }

    /** A {@code -- lint:ignore} comment with a reason directly above the line (comment lines may stack). */
    static boolean suppressed(List<String> lines, int line, String rule) {
        for (int i = line - 2; i >= 0; i--) {
            String l = lines.get(i).strip();
            if (!l.startsWith("--")) return false;
            if (Suppression.parse(l.substring(2).strip(), i + 1).map(s -> s.covers(rule)).orElse(false)) return true;
        }
        return false;
    }
}
