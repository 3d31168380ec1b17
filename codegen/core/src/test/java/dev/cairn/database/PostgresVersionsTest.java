package dev.cairn.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ResourceLock(Resources.SYSTEM_PROPERTIES)
class PostgresVersionsTest {

    @Test
    void theFilteredResourceCarriesThePomVersions() {
        PostgresVersions v = PostgresVersions.load();
        assertTrue(v.throwawayVersion().matches("\\d+\\.\\d+\\.\\d+"), v.toString());
        assertEquals("postgres:" + v.throwawayMajor(), v.defaultImage());
    }

    @Test
    void theBuildsSystemPropertiesWinForARunBeforeProcessResources() {
        System.setProperty(PostgresVersions.VERSION_PROPERTY, "17.6.0");
        System.setProperty(PostgresVersions.PRODUCTION_PROPERTY, "16");
        try {
            assertEquals(new PostgresVersions("17.6.0", 16), PostgresVersions.load());
        } finally {
            System.clearProperty(PostgresVersions.VERSION_PROPERTY);
            System.clearProperty(PostgresVersions.PRODUCTION_PROPERTY);
        }
    }
}
