package dev.cairn.migrate;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CREATE EXTENSION for an extension the server does not have. The embedded PostgreSQL ships the
 * contrib extensions (pgcrypto, citext, hstore, pg_trgm, uuid-ossp, btree_gin, ...) but not the
 * separately packaged ones; a container image that has them is the way out.
 */
final class MissingExtension {

    /** PostgreSQL 13+: {@code extension "postgis" is not available}; older: the control file it could not open. */
    private static final Pattern NOT_AVAILABLE = Pattern.compile(
            "extension \"([^\"]+)\" is not available|could not open extension control file \"[^\"]*/([^/\"]+)\\.control\"");

    /** Images that ship the usual ones, matching the embedded server's major version. */
    private static final Map<String, String> IMAGES = Map.of(
            "postgis", "postgis/postgis:18-3.6",
            "postgis_topology", "postgis/postgis:18-3.6",
            "postgis_raster", "postgis/postgis:18-3.6",
            "postgis_tiger_geocoder", "postgis/postgis:18-3.6",
            "address_standardizer", "postgis/postgis:18-3.6",
            "vector", "pgvector/pgvector:pg18",
            "timescaledb", "timescale/timescaledb:latest-pg18");

    private MissingExtension() {
    }

    /** What to do, or null when {@code pgMessage} is not about a missing extension. */
    static String hint(String pgMessage) {
        if (pgMessage == null) return null;
        Matcher m = NOT_AVAILABLE.matcher(pgMessage);
        if (!m.find()) return null;
        String ext = m.group(1) != null ? m.group(1) : m.group(2);
        String image = IMAGES.get(ext);
        return "The embedded PostgreSQL has no " + ext + " (it ships only PostgreSQL's own contrib extensions such as"
                + " pgcrypto, citext, hstore, pg_trgm, uuid-ossp, btree_gin).\n"
                + "Use database=testcontainers with an image that has it, e.g. "
                + (image != null ? "--image " + image + " (-Dcairn.database=testcontainers -Dcairn.image=" + image + ")"
                                 : "--image <an image with " + ext + " installed>")
                + ".\nOn a real server, install the " + ext + " package there first.";
    }
}
