package dev.cairn.lint;

import dev.cairn.lint.SqlLexer.Token;
import org.jooq.Constraint;
import org.jooq.DataType;
import org.jooq.Nullability;
import org.jooq.Field;
import org.jooq.Parser;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a statement with jOOQ's parser and its query object model ({@link QOM}).
 *
 * <p>Two PostgreSQL options jOOQ's parser does not know are taken off before parsing and kept as
 * facts: {@code CONCURRENTLY} of CREATE/DROP INDEX and a trailing {@code NOT VALID} of ADD
 * CONSTRAINT. jOOQ 3.21 has no public QOM type for ALTER TABLE; its implementation's
 * {@code $}-accessors are read reflectively, and if that ever fails the statement goes to the
 * keyword reader like any other statement jOOQ cannot read.
 */
final class JooqStatementReader {

    /** jOOQ's answer: the changes, or why it could not read the statement. */
    record Result(Optional<List<Change>> changes, String failure) {
        static Result ok(List<Change> changes) {
            return new Result(Optional.of(List.copyOf(changes)), null);
        }

        static Result failed(String why) {
            return new Result(Optional.empty(), why);
        }
    }

    private final ParseCache cache;
    /** Made on the first statement not in the cache: with every file unchanged, jOOQ's parser is never loaded. */
    private Parser parser;

    JooqStatementReader() {
        this(ParseCache.none());
    }

    JooqStatementReader(ParseCache cache) {
        this.cache = cache;
    }

    private Parser parser() {
        if (parser == null) {
            parser = DSL.using(SQLDialect.POSTGRES, new Settings()
                    .withParseDialect(SQLDialect.POSTGRES)
                    .withParseUnknownFunctions(ParseUnknownFunctions.IGNORE)).parser();
        }
        return parser;
    }

    Result read(SqlStatement statement) {
        List<Token> tokens = statement.tokens();
        int concurrently = indexOfConcurrently(tokens);
        boolean notValid = endsWithNotValid(tokens);
        String sql = withoutTokens(statement, concurrently, notValid);
        // Everything below depends on the statement's text alone: its hash is the key.
        String key = dev.cairn.files.Sha256.of(statement.text());
        Result cached = cache.get(key);
        if (cached != null) return cached;
        Result r = parse(sql, concurrently, notValid, tokens);
        cache.put(key, r);
        return r;
    }

    private Result parse(String sql, int concurrently, boolean notValid, List<Token> tokens) {
        List<Query> queries;
        try {
            queries = List.of(parser().parse(sql).queries());
        } catch (RuntimeException e) {
            return Result.failed(firstLine(e.getMessage()));
        }
        if (queries.isEmpty()) return Result.failed("jOOQ's parser skips this kind of statement");
        // jOOQ's model names the statement after the CTEs; a DELETE or UPDATE inside one changes data too.
        if (tokens.getFirst().is("with")) return Result.ok(KeywordStatementReader.dataInCte(tokens));
        List<Change> changes = new ArrayList<>();
        for (Query q : queries) {
            try {
                changes.addAll(changes(q, concurrently >= 0, notValid, tokens));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // LinkageError: an older jOOQ (3.19) lacks some of the query model's types; the keywords read it then.
                return Result.failed("jOOQ's model of " + q.getClass().getSimpleName() + " could not be read: " + e);
            }
        }
        return Result.ok(changes);
    }

    private static List<Change> changes(Query q, boolean concurrently, boolean notValid, List<Token> tokens)
            throws ReflectiveOperationException {
        return switch (q) {
            case QOM.CreateTable c -> List.of(new Change.Create("table", ObjectNames.of(c.$table()), c.$ifNotExists(),
                    KeywordStatementReader.tableColumns(tokens)));
            case QOM.CreateIndex c -> List.of(new Change.CreateIndex(
                    c.$index() == null ? null : ObjectNames.of(c.$index()), ObjectNames.of(c.$table()), c.$ifNotExists(), concurrently));
            case QOM.DropIndex d -> List.of(new Change.DropIndex(ObjectNames.of(d.$index()), d.$ifExists(), concurrently));
            case QOM.CreateSequence<?> c -> List.of(new Change.Create("sequence", ObjectNames.of(c.$sequence()), c.$ifNotExists()));
            case QOM.CreateView<?> c -> List.of(new Change.Create(c.$materialized() ? "materialized view" : "view",
                    ObjectNames.of(c.$view()), c.$ifNotExists() || c.$orReplace()));
            case QOM.CreateSchema c -> List.of(new Change.Create("schema", ObjectNames.of(c.$schema()), c.$ifNotExists()));
            case QOM.CreateType c -> List.of(new Change.Create("type", ObjectNames.of(c.$type()), c.$ifNotExists()));
            case QOM.CreateDomain<?> c -> List.of(new Change.Create("domain", ObjectNames.of(c.$domain()), c.$ifNotExists()));
            case QOM.AlterDomain<?> a when a.$addConstraint() != null -> List.of(new Change.AlterDomainAddConstraint(
                    ObjectNames.of(a.$domain()), a.$addConstraint().getName().isEmpty() ? null : ObjectNames.of(a.$addConstraint()), notValid));
            case QOM.DropTable d -> List.of(new Change.Drop("table", ObjectNames.of(d.$table()), d.$ifExists()));
            case QOM.DropView d -> List.of(new Change.Drop("view", ObjectNames.of(d.$view()), d.$ifExists()));
            case QOM.DropSequence d -> List.of(new Change.Drop("sequence", ObjectNames.of(d.$sequence()), d.$ifExists()));
            case QOM.DropSchema d -> List.of(new Change.Drop("schema", ObjectNames.of(d.$schema()), d.$ifExists()));
            case QOM.DropDomain d -> List.of(new Change.Drop("domain", ObjectNames.of(d.$domain()), d.$ifExists()));
            case QOM.DropType d -> d.$types().stream()
                    .<Change>map(t -> new Change.Drop("type", ObjectNames.of(t), d.$ifExists())).toList();
            case QOM.Insert<?> i -> List.of(new Change.DataChange("INSERT", ObjectNames.of(i.$into())));
            case QOM.Update<?> u -> List.of(new Change.DataChange("UPDATE", ObjectNames.of(u.$table()), false,
                    KeywordStatementReader.filtered(tokens)));
            case QOM.Delete<?> d -> List.of(new Change.DataChange("DELETE", ObjectNames.of(d.$from()), false,
                    KeywordStatementReader.filtered(tokens)));
            case QOM.Merge<?> m -> List.of(new Change.DataChange("MERGE", ObjectNames.of(m.$into())));
            case QOM.Truncate<?> t -> t.$table().stream()
                    .<Change>map(x -> new Change.DataChange("TRUNCATE", ObjectNames.of(x), t.$cascade() == QOM.Cascade.CASCADE, false))
                    .toList();
            // RENAME VALUE's labels are literals in jOOQ's model: the keywords read them plainly.
            case QOM.AlterType a when a.$renameValue() != null -> KeywordStatementReader.read(tokens);
            default -> q.getClass().getSimpleName().equals("AlterTableImpl") ? alterTable(q, notValid, tokens) : List.of();
        };
    }

    /**
     * ALTER TABLE through AlterTableImpl's package-private accessors (see the class comment). What
     * jOOQ's model drops (a default's volatility, USING INDEX, a CHECK's shape) comes from the
     * keyword reading of the same tokens ({@link #withTokenFacts}).
     */
    private static List<Change> alterTable(Query q, boolean notValid, List<Token> tokens) throws ReflectiveOperationException {
        AlterTableModel m = new AlterTableModel(q);
        String table = ObjectNames.of(m.get("$table", Table.class));
        List<Change> byKeywords = KeywordStatementReader.read(tokens);
        List<Change> out = new ArrayList<>();
        Field<?> addColumn = m.get("$addColumn", Field.class);
        if (addColumn != null) {
            out.add(addColumn(table, addColumn, m.get("$addColumnType", DataType.class), m.flag("$ifNotExistsColumn")));
        }
        Constraint addConstraint = m.get("$addConstraint", Constraint.class);
        if (addConstraint != null) out.add(addConstraint(table, addConstraint, notValid));
        List<?> add = m.get("$add", List.class);
        if (add != null) {
            for (Object element : add) {
                if (element instanceof Field<?> f) out.add(addColumn(table, f, f.getDataType(), false));
                else if (element instanceof Constraint c) out.add(addConstraint(table, c, notValid));
            }
        }
        List<?> dropColumns = m.get("$dropColumns", List.class);
        if (dropColumns != null) {
            for (Object c : dropColumns) out.add(new Change.DropColumn(table, ObjectNames.of((Field<?>) c), m.flag("$ifExistsColumn")));
        }
        Constraint dropConstraint = m.get("$dropConstraint", Constraint.class);
        if (dropConstraint != null) {
            out.add(new Change.DropConstraint(table, ObjectNames.of(dropConstraint), m.flag("$ifExistsConstraint")));
        }
        Field<?> alterColumn = m.get("$alterColumn", Field.class);
        if (alterColumn != null && m.get("$alterColumnType", DataType.class) != null) {
            out.add(new Change.AlterColumnType(table, ObjectNames.of(alterColumn), null, false));
        }
        if (alterColumn != null && m.get("$alterColumnNullability", Nullability.class) == Nullability.NOT_NULL) {
            out.add(new Change.SetNotNull(table, ObjectNames.of(alterColumn)));
        }
        Table<?> renameTo = m.get("$renameTo", Table.class);
        if (renameTo != null) out.add(new Change.RenameTable(table, ObjectNames.of(renameTo)));
        Field<?> renameColumn = m.get("$renameColumn", Field.class);
        if (renameColumn != null) {
            out.add(new Change.RenameColumn(table, ObjectNames.of(renameColumn), ObjectNames.of(m.get("$renameColumnTo", Field.class))));
        }
        // Any DEFAULT clause, DEFAULT NULL too (seen on PostgreSQL 18): then PostgreSQL checks a new column's foreign key.
        boolean addsDefault = tokens.stream().anyMatch(t -> t.is("default"))
                || out.stream().anyMatch(c -> c instanceof Change.AddColumn a && a.hasDefault())
                || byKeywords.stream().anyMatch(c -> c instanceof Change.AddColumn a && a.hasDefault());
        return out.stream().map(c -> withTokenFacts(c, byKeywords, addsDefault)).toList();
    }

    /** jOOQ's ADD COLUMN / ADD CONSTRAINT with the facts its model does not keep, from the keyword reading. */
    private static Change withTokenFacts(Change change, List<Change> byKeywords, boolean addsDefault) {
        return switch (change) {
            case Change.AddColumn a -> byKeywords.stream()
                    .filter(k -> k instanceof Change.AddColumn ka && a.column().equals(ka.column())).map(Change.AddColumn.class::cast)
                    .findFirst()
                    .<Change>map(k -> new Change.AddColumn(a.table(), a.column(), a.ifNotExists(), a.notNull() || k.notNull(),
                            k.defaultKind(),
                            a.generatedSequence() || k.generatedSequence(), k.storedGenerated(), k.inlineKey(), k.type()))
                    .orElse(a);
            case Change.AddConstraint a -> byKeywords.stream()
                    .filter(k -> k instanceof Change.AddConstraint ka && ka.kind().equals(a.kind())
                            && java.util.Objects.equals(ka.name(), a.name())).map(Change.AddConstraint.class::cast)
                    .findFirst()
                    .<Change>map(k -> new Change.AddConstraint(a.table(), a.name(), a.kind(), a.notValid(), k.usingIndex(), k.notNullColumn()))
                    // none in the keywords: written in an ADD COLUMN's definition (REFERENCES p)
                    .orElseGet(() -> new Change.AddConstraint(a.table(), a.name(), a.kind(), a.notValid(), false, null,
                            a.kind().equals("foreign key") && !addsDefault));
            case Change.AlterColumnType a -> byKeywords.stream()
                    .filter(k -> k instanceof Change.AlterColumnType ka && a.column().equals(ka.column())).findFirst()
                    .orElse(a);
            default -> change;
        };
    }

    private static Change addColumn(String table, Field<?> column, DataType<?> type, boolean ifNotExists) {
        DataType<?> t = type != null ? type : column.getDataType();
        // serial and identity columns fill existing rows from their sequence: they count as defaulted
        boolean sequence = t.identity();
        Change.DefaultKind kind = t.defaulted() || t.computed() ? Change.DefaultKind.NON_VOLATILE : Change.DefaultKind.NONE;
        return new Change.AddColumn(table, ObjectNames.of(column), ifNotExists, !t.nullable(), kind, sequence, false, false, null);
    }

    private static Change addConstraint(String table, Constraint c, boolean notValid) {
        String kind = switch (c) {
            case QOM.ForeignKey f -> "foreign key";
            case QOM.Check k -> "check";
            case QOM.UniqueKey u -> "unique";
            case QOM.PrimaryKey p -> "primary key";
            default -> "constraint";
        };
        String name = c.getName().isEmpty() ? null : ObjectNames.of(c);
        return new Change.AddConstraint(table, name, kind, notValid, false, null);
    }

    /** Position of CONCURRENTLY in CREATE [UNIQUE] INDEX CONCURRENTLY / DROP INDEX CONCURRENTLY, or -1. */
    static int indexOfConcurrently(List<Token> t) {
        if (t.size() < 3) return -1;
        if (t.get(0).is("create")) {
            int i = t.get(1).is("unique") ? 2 : 1;
            if (i + 1 < t.size() && t.get(i).is("index") && t.get(i + 1).is("concurrently")) return i + 1;
        }
        if (t.get(0).is("drop") && t.get(1).is("index") && t.get(2).is("concurrently")) return 2;
        return -1;
    }

    static boolean endsWithNotValid(List<Token> t) {
        int n = t.size();
        return n > 4 && t.get(0).is("alter") && t.get(n - 2).is("not") && t.get(n - 1).is("valid");
    }

    private static String withoutTokens(SqlStatement s, int concurrently, boolean notValid) {
        List<Token> t = s.tokens();
        int base = t.getFirst().start();
        String text = s.text();
        if (notValid) text = text.substring(0, t.get(t.size() - 2).start() - base);
        if (concurrently >= 0) {
            Token c = t.get(concurrently);
            text = text.substring(0, c.start() - base) + text.substring(c.end() - base);
        }
        return text;
    }

    private static String firstLine(String message) {
        if (message == null) return "no message";
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }

    /** Reflective access to jOOQ's AlterTableImpl accessors, which are not public in 3.21. */
    private record AlterTableModel(Query query) {
        <T> T get(String accessor, Class<T> type) throws ReflectiveOperationException {
            Method m = query.getClass().getDeclaredMethod(accessor);
            m.setAccessible(true);
            return type.cast(m.invoke(query));
        }

        boolean flag(String accessor) throws ReflectiveOperationException {
            return Boolean.TRUE.equals(get(accessor, Boolean.class));
        }
    }

}
