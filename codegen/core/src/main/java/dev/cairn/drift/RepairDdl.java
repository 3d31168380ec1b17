package dev.cairn.drift;

import dev.cairn.catalog.CatalogSnapshot;
import dev.cairn.catalog.CatalogSnapshot.Column;
import dev.cairn.catalog.CatalogSnapshot.Constraint;
import dev.cairn.catalog.CatalogSnapshot.Index;
import dev.cairn.catalog.CatalogSnapshot.Sequence;
import dev.cairn.catalog.CatalogSnapshot.Table;
import org.jooq.DSLContext;
import org.jooq.Meta;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DDL that would turn the live schema into the expected one. jOOQ's schema diff
 * ({@link Meta#migrateTo}) writes it; where it falls short this fills in from PostgreSQL's own
 * definitions: jOOQ's CREATE INDEX drops the access method (gin becomes btree) and the WHERE of a
 * partial index, so those statements are replaced with pg_get_indexdef; and changes jOOQ's diff does
 * not see (enum values, sequence options, NOT VALID constraints, an index whose predicate changed...)
 * get a statement from the catalog snapshots. Nothing here is ever executed.
 */
public final class RepairDdl {

    /** @param source {@code jooq}, {@code pg_get_indexdef} (jOOQ's statement corrected) or {@code catalog} */
    public record Statement(String sql, String source) {
    }

    private static final Pattern CREATE_INDEX = Pattern.compile("(?i)^create (unique )?index (?:concurrently )?\"((?:[^\"]|\"\")+)\"");

    private RepairDdl() {
    }

    public static List<Statement> between(Meta live, Meta expected, CatalogSnapshot liveSnapshot, CatalogSnapshot expectedSnapshot) {
        DSLContext render = DSL.using(SQLDialect.POSTGRES);
        List<Statement> out = new ArrayList<>();
        for (Query q : live.migrateTo(expected).queries()) {
            String sql = render.renderInlined(q);
            Matcher m = CREATE_INDEX.matcher(sql);
            Index idx = m.find() ? expectedSnapshot.indexes().get(m.group(2).replace("\"\"", "\"")) : null;
            out.add(idx != null ? new Statement(idx.definition(), "pg_get_indexdef") : new Statement(sql, "jooq"));
        }
        List<String> jooqText = out.stream().map(s -> s.sql().toLowerCase(Locale.ROOT)).toList();
        for (Candidate c : candidates(liveSnapshot, expectedSnapshot)) {
            if (jooqText.stream().noneMatch(c.coveredBy())) {
                for (String sql : c.sql()) out.add(new Statement(sql, "catalog"));
            }
        }
        return out;
    }

    /** Statements for one difference, and how to tell that jOOQ already wrote them. */
    private record Candidate(List<String> sql, Predicate<String> coveredBy) {
        static Candidate of(Predicate<String> coveredBy, String... sql) {
            return new Candidate(List.of(sql), coveredBy);
        }
    }

    private static List<Candidate> candidates(CatalogSnapshot live, CatalogSnapshot expected) {
        String schema = q(expected.schema());
        List<Candidate> out = new ArrayList<>();
        for (Table e : expected.tables().values()) {
            Table a = live.tables().get(e.name());
            if (a == null) continue; // CREATE TABLE is jOOQ's job
            String t = schema + "." + q(e.name());
            for (Column ec : e.columns().values()) {
                Column ac = a.columns().get(ec.name());
                String c = q(ec.name());
                Predicate<String> mentions = s -> s.contains(q(e.name()).toLowerCase(Locale.ROOT)) && s.contains(c.toLowerCase(Locale.ROOT));
                if (ac == null) {
                    out.add(Candidate.of(mentions.and(s -> s.contains(" add ")), "ALTER TABLE " + t + " ADD COLUMN " + c + " " + ec.type()
                            + (ec.defaultExpression() != null ? " DEFAULT " + ec.defaultExpression() : "")
                            + (ec.notNull() ? " NOT NULL" : "")));
                    continue;
                }
                if (!ec.type().equals(ac.type())) {
                    out.add(Candidate.of(mentions.and(s -> s.contains(" type ")),
                            "ALTER TABLE " + t + " ALTER COLUMN " + c + " TYPE " + ec.type()));
                }
                if (ec.notNull() != ac.notNull()) {
                    out.add(Candidate.of(mentions.and(s -> s.contains("not null")),
                            "ALTER TABLE " + t + " ALTER COLUMN " + c + (ec.notNull() ? " SET NOT NULL" : " DROP NOT NULL")));
                }
                if (!Objects.equals(ec.defaultExpression(), ac.defaultExpression())) {
                    out.add(Candidate.of(mentions.and(s -> s.contains(" default")), "ALTER TABLE " + t + " ALTER COLUMN " + c
                            + (ec.defaultExpression() != null ? " SET DEFAULT " + ec.defaultExpression() : " DROP DEFAULT")));
                }
            }
            for (Column ac : a.columns().values()) {
                if (!e.columns().containsKey(ac.name())) {
                    String c = q(ac.name()).toLowerCase(Locale.ROOT);
                    out.add(Candidate.of(s -> s.contains(c) && s.contains(" drop "), "ALTER TABLE " + t + " DROP COLUMN " + q(ac.name())));
                }
            }
            for (Constraint ek : e.constraints().values()) {
                Constraint ak = a.constraints().get(ek.name());
                String k = q(ek.name());
                Predicate<String> mentions = s -> s.contains(k.toLowerCase(Locale.ROOT));
                String add = "ALTER TABLE " + t + " ADD CONSTRAINT " + k + " " + ek.definition() + (ek.validated() ? "" : " NOT VALID");
                if (ak == null) {
                    out.add(Candidate.of(mentions, add));
                } else if (!ek.definition().equals(ak.definition()) || ek.kind() != ak.kind()) {
                    out.add(Candidate.of(mentions, "ALTER TABLE " + t + " DROP CONSTRAINT " + k, add));
                } else if (ek.validated() && !ak.validated()) {
                    out.add(Candidate.of(mentions.and(s -> s.contains("validate")), "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + k));
                }
            }
            for (Constraint ak : a.constraints().values()) {
                if (!e.constraints().containsKey(ak.name())) {
                    String k = q(ak.name());
                    out.add(Candidate.of(s -> s.contains(k.toLowerCase(Locale.ROOT)), "ALTER TABLE " + t + " DROP CONSTRAINT " + k));
                }
            }
        }
        for (Index e : expected.indexes().values()) {
            Index a = live.indexes().get(e.name());
            Predicate<String> mentions = s -> s.contains(q(e.name()).toLowerCase(Locale.ROOT)) || s.contains(e.definition().toLowerCase(Locale.ROOT));
            if (a == null) out.add(Candidate.of(mentions, e.definition()));
            else if (!a.shape().equals(e.shape())) out.add(Candidate.of(mentions, "DROP INDEX " + schema + "." + q(e.name()), e.definition()));
        }
        for (Index a : live.indexes().values()) {
            if (!expected.indexes().containsKey(a.name()) && expected.tables().containsKey(a.table())) {
                String i = q(a.name()).toLowerCase(Locale.ROOT);
                out.add(Candidate.of(s -> s.contains(i), "DROP INDEX " + schema + "." + q(a.name())));
            }
        }
        expected.enums().forEach((name, values) -> {
            List<String> actual = live.enums().get(name);
            String type = schema + "." + q(name);
            Predicate<String> mentions = s -> s.contains(q(name).toLowerCase(Locale.ROOT));
            if (actual == null) {
                out.add(Candidate.of(mentions, "CREATE TYPE " + type + " AS ENUM ("
                        + String.join(", ", values.stream().map(RepairDdl::literal).toList()) + ")"));
                return;
            }
            if (actual.equals(values)) return;
            List<String> sql = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                if (actual.contains(values.get(i))) continue;
                sql.add("ALTER TYPE " + type + " ADD VALUE " + literal(values.get(i))
                        + (i > 0 ? " AFTER " + literal(values.get(i - 1)) : values.size() > 1 ? " BEFORE " + literal(values.get(1)) : ""));
            }
            if (!values.containsAll(actual) || !actual.stream().filter(values::contains).toList()
                    .equals(values.stream().filter(actual::contains).toList())) {
                sql.add("-- enum " + name + ": PostgreSQL cannot drop or reorder enum values; the live values "
                        + actual + " need a new type (CREATE TYPE ..., ALTER COLUMN ... TYPE, DROP TYPE) to become " + values);
            }
            out.add(new Candidate(sql, mentions));
        });
        for (Sequence e : expected.sequences().values()) {
            Sequence a = live.sequences().get(e.name());
            String s = schema + "." + q(e.name());
            Predicate<String> mentions = x -> x.contains(q(e.name()).toLowerCase(Locale.ROOT));
            String options = " AS " + e.dataType() + " INCREMENT BY " + e.increment() + " MINVALUE " + e.min() + " MAXVALUE " + e.max()
                    + " START WITH " + e.start() + " CACHE " + e.cache() + (e.cycle() ? " CYCLE" : " NO CYCLE");
            if (a == null) out.add(Candidate.of(mentions, "CREATE SEQUENCE " + s + options));
            else if (!a.equals(e) && !sameOptions(a, e)) out.add(Candidate.of(mentions, "ALTER SEQUENCE " + s + options));
        }
        return out;
    }

    private static boolean sameOptions(Sequence a, Sequence e) {
        return a.dataType().equals(e.dataType()) && a.start() == e.start() && a.increment() == e.increment()
                && a.min() == e.min() && a.max() == e.max() && a.cache() == e.cache() && a.cycle() == e.cycle();
    }

    private static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
