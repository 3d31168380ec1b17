package dev.cairn.cli;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One line per migration while Flyway applies them: the name first (so a long-running one shows
 * what is running), then its time and outcome. Remembers what was applied, for the failure report.
 */
final class MigrationProgress implements Callback {

    private final PrintWriter out;
    private final Colors colors;
    private final int versionWidth;
    private final int descriptionWidth;
    private final List<String> applied = new ArrayList<>();
    private long started;

    MigrationProgress(PrintWriter out, Colors colors, List<MigrationInfo> pending) {
        this.out = out;
        this.colors = colors;
        this.versionWidth = pending.stream().mapToInt(i -> label(i).length()).max().orElse(4);
        this.descriptionWidth = Math.min(60, pending.stream().mapToInt(i -> i.getDescription().length()).max().orElse(10));
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
                || event == Event.AFTER_EACH_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        MigrationInfo info = context.getMigrationInfo();
        switch (event) {
            case BEFORE_EACH_MIGRATE -> {
                started = System.nanoTime();
                String description = info.getDescription();
                if (description.length() > descriptionWidth) description = description.substring(0, descriptionWidth - 3) + "...";
                out.printf("  %-" + versionWidth + "s  %-" + descriptionWidth + "s  ", label(info), description);
                out.flush();
            }
            case AFTER_EACH_MIGRATE -> {
                applied.add(label(info));
                out.printf("%7.2f s  %s%n", seconds(), colors.green("ok"));
                out.flush();
            }
            case AFTER_EACH_MIGRATE_ERROR -> {
                out.printf("%7.2f s  %s%n", seconds(), colors.red("FAILED"));
                out.flush();
            }
            default -> {
            }
        }
    }

    @Override
    public String getCallbackName() {
        return "cairn-progress";
    }

    /** Labels (V3, R) of the migrations applied so far in this run. */
    List<String> applied() {
        return List.copyOf(applied);
    }

    static String label(MigrationInfo info) {
        return info.getVersion() != null ? "V" + info.getVersion().getVersion() : "R";
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
