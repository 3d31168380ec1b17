package dev.cairn.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Compares a throwaway database's major with production's. A different major can accept a
 * migration production rejects (or the reverse) and can change what jOOQ reads (types, defaults),
 * so people should see it, but it is a warning: a postgis image of another major can be a choice.
 */
public final class MajorVersionCheck {

    private MajorVersionCheck() {
    }

    /** The warning to print, or empty when the majors agree. */
    public static Optional<String> warning(ThrowawayPostgres db, int productionMajor) {
        int major;
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            major = PostgresVersions.majorOf(Integer.parseInt(rs.getString(1).strip()));
        } catch (SQLException e) {
            return Optional.of("could not read the server version of " + db.description() + ": " + e.getMessage());
        }
        if (major == productionMajor) return Optional.empty();
        return Optional.of("PostgreSQL " + major + " differs from production's major " + productionMajor
                + " (postgres.production.major): migrations and generated types may behave differently there."
                + " Pick an image/server of major " + productionMajor + " to match.");
    }
}
