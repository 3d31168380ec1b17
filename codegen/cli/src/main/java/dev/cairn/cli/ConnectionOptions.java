package dev.cairn.cli;

import dev.cairn.connect.ConnectionSettings;
import picocli.CommandLine.Option;

/** --url/--user/--password for commands that work on a real database; falls back to the environment. */
final class ConnectionOptions {

    @Option(names = "--url", paramLabel = "URL",
            description = "JDBC URL (jdbc:postgresql://host:5432/db) or postgresql://user:pass@host/db. Default: $DATABASE_URL.")
    String url;

    @Option(names = "--user", description = "Database user. Default: from the URL, else $PGUSER.")
    String user;

    @Option(names = "--password", arity = "0..1", interactive = true,
            description = "Password (give the option without a value to be prompted). Default: from the URL, else $PGPASSWORD.")
    String password;

    ConnectionSettings settings() {
        return ConnectionSettings.resolve(url, user, password, System.getenv());
    }
}
