package dev.cairn.testing;

import dev.cairn.database.DatabaseChoice;
import dev.cairn.migrate.MigrationLocations;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@code @ExtendWith(FreshDatabaseExtension.class)} or {@link FreshDatabase @FreshDatabase}: a
 * fresh migrated database per test class (default) or per test, copied from a template migrated
 * once per JVM, dropped afterwards. Injects {@link DataSource}, {@link Connection} (closed after
 * the test) and {@link TestDatabase}.
 *
 * <p>JUnit is the project's own (cairn-testing declares it {@code provided}), from 5.10 to 6.x: this
 * class uses only API that all of them have.
 */
public final class FreshDatabaseExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FreshDatabaseExtension.class);

    /**
     * What JUnit closes with the context whose store holds it. JUnit 5.10-5.12 close only a
     * CloseableResource; 5.13 and 6.x close an AutoCloseable (and warn about a CloseableResource
     * that is not one). Being both, a value is closed once on each.
     */
    @SuppressWarnings("deprecation") // CloseableResource, deprecated in 6.x, is what 5.10-5.12 close
    private interface Closed extends ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        void close() throws Exception;
    }

    /** A copy owned by a class or method context: JUnit closes it (drops the database) with that context. */
    private record Copy(TemplateServer server, TestDatabase database) implements Closed {
        @Override
        public void close() {
            server.drop(database);
        }
    }

    private record OpenConnection(Connection connection) implements Closed {
        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** The JVM's one server, in the root store: closed when the whole run ends. */
    private record SharedServer(TemplateServer server) implements Closed {
        @Override
        public void close() {
            server.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (settings(context).per() == FreshDatabase.Per.CLASS) createCopy(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (settings(context).per() == FreshDatabase.Per.METHOD) createCopy(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Copies are AutoCloseable values in the class/method stores; JUnit closes (drops) them.
    }

    private void createCopy(ExtensionContext context) throws SQLException {
        TemplateServer server = server(context);
        MigrationLocations locations = new MigrationLocations(List.of(settings(context).locations()));
        context.getStore(NS).put(Copy.class, new Copy(server, server.copy(locations)));
    }

    /** One server per JVM, in the root store: closed when the whole run ends. */
    @SuppressWarnings("deprecation") // getOrComputeIfAbsent: 6.x's computeIfAbsent is not in 5.x
    private static TemplateServer server(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent(SharedServer.class, k -> {
            try {
                return new SharedServer(TemplateServer.start(DatabaseChoice.fromSystem()));
            } catch (Exception e) {
                throw new IllegalStateException("Could not start a PostgreSQL for @FreshDatabase tests: " + e.getMessage(), e);
            }
        }, SharedServer.class).server();
    }

    private static Settings settings(ExtensionContext context) {
        Optional<FreshDatabase> a = context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, FreshDatabase.class));
        return a.map(f -> new Settings(f.per(), f.locations()))
                .orElse(new Settings(FreshDatabase.Per.CLASS, new String[] {"classpath:db/migration", "classpath:db/data"}));
    }

    private record Settings(FreshDatabase.Per per, String[] locations) {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == DataSource.class || type == Connection.class || type == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        TestDatabase db = current(extension).orElseThrow(() -> new ParameterResolutionException(
                "No fresh database here: with @FreshDatabase(per = METHOD) inject it into test methods,"
                        + " not into @BeforeAll methods or constructors."));
        Class<?> type = parameter.getParameter().getType();
        if (type == TestDatabase.class) return db;
        if (type == DataSource.class) return db.dataSource();
        try {
            Connection c = db.connect();
            extension.getStore(NS).put(new Object(), new OpenConnection(c));
            return c;
        } catch (SQLException e) {
            throw new ParameterResolutionException("Could not connect to " + db.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    /** The copy of the nearest context that has one: the test's own (per METHOD), else the class's. */
    private static Optional<TestDatabase> current(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Copy copy = c.getStore(NS).get(Copy.class, Copy.class);
            if (copy != null) return Optional.of(copy.database());
        }
        return Optional.empty();
    }
}
