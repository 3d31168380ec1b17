package dev.trackerdb.codegen.undo;

import dev.trackerdb.codegen.database.DatabaseProvider;
import dev.trackerdb.codegen.database.EmbeddedPostgres;
import dev.trackerdb.codegen.database.ThrowawayPostgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh database on a shared test server, dropped on close: one server start for many round trips. */
final class DatabaseOnServer implements ThrowawayPostgres {

    private static final AtomicInteger counter = new AtomicInteger();

    private final EmbeddedPostgres server;
    private final String name;

    private DatabaseOnServer(EmbeddedPostgres server, String name) {
        this.server = server;
        this.name = name;
    }

    static DatabaseProvider provider(EmbeddedPostgres server) {
        return () -> create(server);
    }

    static DatabaseOnServer create(EmbeddedPostgres server) {
        String name = "t" + counter.incrementAndGet();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new DatabaseOnServer(server, name);
    }

    @Override
    public String jdbcUrl() {
        return SuggestedUndo.otherDatabase(server.jdbcUrl(), name);
    }

    @Override
    public String user() {
        return server.user();
    }

    @Override
    public String password() {
        return server.password();
    }

    @Override
    public String description() {
        return "database " + name + " on " + server.description();
    }

    @Override
    public void close() {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
