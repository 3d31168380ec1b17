package dev.cairn.lint;

import dev.cairn.json.JsonWriter;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** All findings of one lint run, sorted by file then line, and how many files were read. */
public record LintReport(List<Finding> findings, int filesChecked) {

    static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.file().toAbsolutePath().normalize().toString())
            .thenComparingInt(Finding::line)
            .thenComparing(f -> f.rule().id());

    public LintReport {
        findings = findings.stream().sorted(ORDER).toList();
    }

    public long errors() {
        return count(Severity.ERROR);
    }

    public long warnings() {
        return count(Severity.WARNING);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public boolean hasErrors() {
        return errors() > 0;
    }

    public String summary() {
        return "lint: " + errors() + " error" + (errors() == 1 ? "" : "s") + ", " + warnings() + " warning"
                + (warnings() == 1 ? "" : "s") + " in " + filesChecked + " file" + (filesChecked == 1 ? "" : "s");
    }

    /** One line per finding, then the summary; paths as they were given. */
    public String format() {
        return format(null);
    }

    /** One line per finding, then the summary; paths relative to {@code base} where below it. */
    public String format(Path base) {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) out.append(f.format(base)).append('\n');
        return out.append(summary()).append('\n').toString();
    }

    /** The same report for machines: {@code {"errors":..,"warnings":..,"files":..,"findings":[..]}}. */
    public String toJson(Path base) {
        String items = findings.stream().map(f -> "{\"file\":" + json(Finding.display(f.file(), base))
                        + ",\"line\":" + f.line()
                        + ",\"ruleId\":" + json(f.ruleId())
                        + ",\"severity\":" + json(f.severity().label())
                        + ",\"message\":" + json(f.message())
                        + ",\"fix\":" + json(f.fix()) + "}")
                .collect(Collectors.joining(",\n    ", "[\n    ", "\n  ]"));
        return "{\n  \"errors\": " + errors() + ",\n  \"warnings\": " + warnings() + ",\n  \"files\": " + filesChecked
                + ",\n  \"findings\": " + (findings.isEmpty() ? "[]" : items) + "\n}\n";
    }

    private static String json(String s) {
        return JsonWriter.quote(s);
    }
}
