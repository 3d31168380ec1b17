package dev.cairn.undo;

import dev.cairn.migrate.FlywayHistory;

import java.sql.Connection;
import java.util.function.Consumer;

/**
 * Carries out an {@link UndoPlan} on a real database, one version at a time, newest first. Each step
 * runs its undo script and deletes the version's history row in one transaction, so a later
 * {@code migrate} applies the version again; a CONCURRENTLY step cannot be in a transaction, so its
 * row is deleted right after the statement. A failing step stops the run: steps before it stay undone
 * (with their history rows gone), and the message says so.
 */
public final class UndoRunner {

    private final Consumer<String> out;
    private final String table;

    public UndoRunner(Consumer<String> out) {
        this(out, FlywayHistory.TABLE);
    }

    /** @param table Flyway's history table (its {@code table} setting), where undone versions are forgotten */
    public UndoRunner(Consumer<String> out, String table) {
        this.out = out;
        this.table = table;
    }

    public void run(Connection c, UndoPlan plan) {
        int width = plan.steps().stream().mapToInt(s -> s.fileName().length()).max().orElse(0);
        int done = 0;
        long t0 = System.nanoTime();
        for (UndoScript step : plan.steps()) {
            long t = System.nanoTime();
            try {
                UndoApplier.apply(c, step, conn -> FlywayHistory.forget(conn, plan.schema(), table, step.version()));
            } catch (UndoFailedException e) {
                String state = done == 0 ? "Nothing was undone."
                        : "The " + done + " step(s) above are undone and gone from Flyway's history; the schema is at"
                        + " version " + step.version() + ".";
                throw new UndoFailedException(e.getMessage() + "\n  " + state, e.script(), e.line(), e.getCause());
            }
            done++;
            out.accept(String.format("%-" + width + "s  undone  %-32s %6.2f s", step.fileName(), how(step),
                    (System.nanoTime() - t) / 1e9));
        }
        out.accept(String.format("undo: %d version(s) undone, schema now at version %s  (%.2f s)", done,
                plan.target(), (System.nanoTime() - t0) / 1e9));
    }

    /** What {@code --dry-run} prints instead of running. */
    public void describe(UndoPlan plan) {
        out.accept("Would undo " + plan.steps().size() + " version(s), from " + plan.current() + " to " + plan.target()
                + " (history table " + plan.schema() + "." + FlywayHistory.TABLE + "):");
        int width = plan.steps().stream().mapToInt(s -> s.fileName().length()).max().orElse(0);
        for (UndoScript step : plan.steps()) {
            out.accept(String.format("  %-" + width + "s  %s; then delete its history row",
                    step.fileName(), how(step)));
        }
        out.accept("Dry run: nothing was changed.");
    }

    private static String how(UndoScript s) {
        if (s.isNoOp()) return "(no statements)";
        String n = s.statements().size() + (s.statements().size() == 1 ? " statement" : " statements");
        return s.transactional() ? n + ", in a transaction" : n + ", no transaction";
    }
}
