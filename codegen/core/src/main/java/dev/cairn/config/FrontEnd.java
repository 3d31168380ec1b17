package dev.cairn.config;

/**
 * Who runs cairn, so that every piece of advice names a command the user has: a Maven user is
 * told {@code mvn cairn:lock}, not the CLI's {@code cairn lock}, which they may not have.
 */
public enum FrontEnd {
    /** The Maven plugin (cairn-maven-plugin). */
    MAVEN("mvn generate-sources", "mvn cairn:lock", "mvn cairn:lint", "mvn cairn:lint -Dcairn.all"),
    /** The command-line tool; also the default where nobody said (jooq-meta, tests). */
    CLI("cairn generate", "cairn lock", "cairn lint", "cairn lint --all"),
    /** This repository's own build (./mvnw generate-sources runs the engine in-process, ./cairn is beside it). */
    REPOSITORY("./mvnw generate-sources", "./cairn lock", "./cairn lint", "./cairn lint --all");

    private final String generate;
    private final String lock;
    private final String lint;
    private final String lintAll;

    FrontEnd(String generate, String lock, String lint, String lintAll) {
        this.generate = generate;
        this.lock = lock;
        this.lint = lint;
        this.lintAll = lintAll;
    }

    /** Regenerates locally. */
    public String generate() {
        return generate;
    }

    /** Adds new migrations to migrations.lock (and recomputes a broken total). */
    public String lock() {
        return lock;
    }

    /** The static checks alone. */
    public String lint() {
        return lint;
    }

    /** The static checks, released migrations' findings included. */
    public String lintAll() {
        return lintAll;
    }
}
