package dev.cairn.lint;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Splitting scripts into statements where jOOQ's parser is no help: bodies that contain semicolons. */
class SqlScriptTest {

    private static List<String> firstWords(String sql) {
        return SqlScript.parse(sql).statements().stream().map(s -> s.first().norm() + "@" + s.line()).toList();
    }

    @Test
    void dollarQuotedBodiesWithOtherTagsInsideStayOneStatement() {
        String sql = """
                CREATE OR REPLACE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $fn$
                BEGIN
                  EXECUTE $q$UPDATE t SET a = ';'$q$;
                  PERFORM 1;
                END
                $fn$;
                SELECT 1;
                """;
        assertEquals(List.of("create@1", "select@7"), firstWords(sql));
    }

    @Test
    void beginAtomicBodyIsOneStatementWithCaseInside() {
        String sql = """
                CREATE FUNCTION g(p int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN p > 0 THEN 1 ELSE 0 END;
                  INSERT INTO log VALUES (p);
                END;
                CREATE PROCEDURE h() LANGUAGE sql BEGIN ATOMIC DELETE FROM log; END;
                DROP TABLE IF EXISTS x;
                """;
        assertEquals(List.of("create@1", "create@6", "drop@7"), firstWords(sql));
    }

    @Test
    void nestedDoBlocksAndTriggersAndRules() {
        String sql = """
                DO $outer$
                BEGIN
                  EXECUTE $inner$ DO $x$ BEGIN RAISE NOTICE 'a;b'; END $x$ $inner$;
                END
                $outer$;
                CREATE TRIGGER t BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION f();
                CREATE RULE r AS ON DELETE TO orders DO INSTEAD (UPDATE orders SET status = 'x'; DELETE FROM events);
                """;
        assertEquals(List.of("do@1", "create@6", "create@7"), firstWords(sql));
    }

    @Test
    void beginAlonePlainTransactionIsNotABody() {
        assertEquals(List.of("begin@1", "update@1", "commit@1"), firstWords("BEGIN; UPDATE t SET a = 1; COMMIT;"));
    }
}
