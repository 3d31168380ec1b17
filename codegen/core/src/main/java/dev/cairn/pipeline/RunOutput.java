package dev.cairn.pipeline;

import dev.cairn.lint.Severity;

import java.util.function.Consumer;

/**
 * Where a run's lines go, each at the level a build log shows it: stage lines and notes as
 * information, findings as warnings or errors. A front end with levels (Maven's log, where
 * {@code mvn -q} hides information but not warnings and errors) gives one of these; any other
 * {@code Consumer<String>} takes every line alike, as a terminal does.
 */
public interface RunOutput extends Consumer<String> {

    /** A line at the given level (a finding's severity; INFO and OFF are information). */
    void accept(Severity level, String line);

    @Override
    default void accept(String line) {
        accept(Severity.INFO, line);
    }

    /** Lines by level, to three consumers. */
    static RunOutput of(Consumer<String> info, Consumer<String> warning, Consumer<String> error) {
        return (level, line) -> {
            switch (level) {
                case ERROR -> error.accept(line);
                case WARNING -> warning.accept(line);
                default -> info.accept(line);
            }
        };
    }

    /** The consumer as a RunOutput: itself when it is one, else every level to it. */
    static RunOutput of(Consumer<String> out) {
        return out instanceof RunOutput r ? r : (level, line) -> out.accept(line);
    }
}
