package dev.cairn.build;

import dev.cairn.signal.Interruption;

/**
 * Library chatter (jOOQ's banner, Flyway's per-migration INFO lines, Testcontainers' search for
 * Docker) would drown the tool's own stage lines. Sets SLF4J simple-logger levels (the CLI's
 * binding and Maven's both read them when a logger is created), unless the user set them.
 */
public final class QuietLibraries {

    /** Held so the JDK does not collect the configured logger (and forget its level). */
    private static final java.util.logging.Logger FLYWAY_JUL = java.util.logging.Logger.getLogger("org.flywaydb");

    private QuietLibraries() {
    }

    /** After Ctrl-C, library output is a consequence of the stop: jOOQ's and Flyway's loggers go silent. */
    private static final Runnable SILENCE = () -> {
        org.jooq.tools.JooqLogger.globalThreshold(org.jooq.Log.Level.FATAL);
        FLYWAY_JUL.setLevel(java.util.logging.Level.OFF);
        // Flyway's loggers re-create themselves when the creator changes (EvolvingLog): inside Maven its
        // rollback errors go through Maven's logger, which no system property reaches any more.
        org.flywaydb.core.api.logging.LogFactory.setLogCreator(type -> new Silent());
    };

    /** A Flyway log that says nothing. */
    private static final class Silent implements org.flywaydb.core.api.logging.Log {
        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void error(String message) {
        }

        @Override
        public void error(String message, Exception e) {
        }

        @Override
        public void notice(String message) {
        }
    }

    public static void apply() {
        Interruption.alsoMute(SILENCE);
        setIfAbsent("org.jooq.no-logo", "true");
        setIfAbsent("org.jooq.no-tips", "true");
        setIfAbsent("org.slf4j.simpleLogger.log.org.jooq", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.flywaydb", "warn");
        // Testcontainers' warnings are about its own set-up (Ryuk disabled on purpose, a slow pull); a failure
        // reaches the tool as an exception and is reported once. -Dorg.slf4j.simpleLogger.log.org.testcontainers=info shows them.
        setIfAbsent("org.slf4j.simpleLogger.log.org.testcontainers", "error");
        // Testcontainers logs per image under "tc.<image>": pull retries, container output.
        setIfAbsent("org.slf4j.simpleLogger.log.tc", "error");
        // docker-java logs a failed pull ("Error during callback") itself; `auto` names the failure in its one line.
        setIfAbsent("org.slf4j.simpleLogger.log.com.github.dockerjava", "off");
        // Testcontainers logs every failed way of finding Docker at ERROR; `auto` just moves on.
        setIfAbsent("org.slf4j.simpleLogger.log.org.testcontainers.dockerclient", "off");
        // Flyway logs a failed migration as an ERROR ("restore backups!") before the tool reports
        // it properly, with file, line and what stayed applied.
        setIfAbsent("org.slf4j.simpleLogger.log.org.flywaydb.core.internal.command.DbMigrate", "off");
        // "Unable to rollback transaction", "Unable to release PostgreSQL advisory lock", each with a stack
        // trace: the connection broke (the server died or was stopped), which the tool reports itself, once.
        setIfAbsent("org.slf4j.simpleLogger.log.org.flywaydb.core.internal.jdbc.TransactionalExecutionTemplate", "off");
        setIfAbsent("org.slf4j.simpleLogger.log.org.flywaydb.database.postgresql.PostgreSQLAdvisoryLockTemplate", "off");
        // jOOQ-meta logs a failed catalog query ("SQL exception : Exception while executing meta query ...", the
        // query and the server's message) before it fails the generation (onError=FAIL): the tool reports that
        // failure once, as what it was (the server that died under the run, say). Its other warnings stay.
        setIfAbsent("org.slf4j.simpleLogger.log.org.jooq.meta.AbstractDatabase", "error");
        // Inside Maven, Flyway may pick java.util.logging rather than SLF4J.
        if (FLYWAY_JUL.getLevel() == null) FLYWAY_JUL.setLevel(java.util.logging.Level.WARNING);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
