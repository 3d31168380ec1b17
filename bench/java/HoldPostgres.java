import dev.cairn.database.EmbeddedPostgres;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Peers need an already running PostgreSQL: starts our EmbeddedPostgres, creates the databases
 * named on the command line, prints "URL <jdbc url of the postgres database>", its PID, USER and
 * PASSWORD (a line each), and waits until
 * stdin closes (or a line "stop" arrives), then stops the server and deletes its files.
 */
public final class HoldPostgres {
    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
            try (Connection c = pg.connect(); Statement s = c.createStatement()) {
                for (String db : args) s.execute("CREATE DATABASE " + db);
            }
            System.out.println("URL " + pg.jdbcUrl());
            System.out.println("PID " + pg.pid());
            System.out.println("USER " + pg.user());
            System.out.println("PASSWORD " + pg.password());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
            String line;
            while ((line = in.readLine()) != null && !line.equals("stop")) {
                // keep serving
            }
        }
    }
}
