package dev.cairn.migrate;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

import java.util.List;
import java.util.Objects;

/**
 * The versions of the migration files Flyway found. A --target or --version that is not one of
 * them is almost always a typo; Flyway would silently migrate to the nearest lower version (or
 * baseline at a version no file has), so we refuse before touching the database.
 */
public final class KnownVersions {

    private KnownVersions() {
    }

    public static List<MigrationVersion> of(Flyway flyway) {
        return java.util.Arrays.stream(flyway.info().all())
                .filter(i -> i.getVersion() != null && i.getState().isResolved())
                .map(MigrationInfo::getVersion)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
    }

    /** Returns the parsed version, or throws naming the versions that do exist. */
    public static MigrationVersion require(Flyway flyway, String version, String option) {
        MigrationVersion wanted;
        try {
            wanted = MigrationVersion.fromVersion(version);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid " + option + " '" + version + "': use a version number such as 3 or 3.1.");
        }
        List<MigrationVersion> known = of(flyway);
        if (!known.contains(wanted)) {
            throw new IllegalArgumentException("Version " + version + " (" + option + ") is not among the migrations: "
                    + (known.isEmpty() ? "none were found." : "they are " + summary(known) + ".")
                    + " Nothing was changed.");
        }
        return wanted;
    }

    private static String summary(List<MigrationVersion> versions) {
        List<String> v = versions.stream().map(MigrationVersion::getVersion).toList();
        if (v.size() <= 12) return String.join(", ", v);
        return String.join(", ", v.subList(0, 5)) + ", ..., " + String.join(", ", v.subList(v.size() - 5, v.size()))
                + " (" + v.size() + " versions)";
    }
}
