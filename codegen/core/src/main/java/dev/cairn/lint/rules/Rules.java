package dev.cairn.lint.rules;

import dev.cairn.lint.LintRule;
import dev.cairn.lint.Severity;
import dev.cairn.lint.StatementRule;
import dev.cairn.observe.ObservedRisks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every lint rule, in one list: the statement checks, the file and comment rules, and the rules
 * the pipeline checks on the database ({@code observed-*}). Output, {@code lint=id=level},
 * {@code -- lint:ignore id}, {@code cairn lint --help} and docs/lint-rules.md all read this list.
 *
 * <p>A group id ({@code destructive}, {@code not-idempotent}) names every rule split from it, so
 * settings and suppressions written before the split keep working.
 */
public final class Rules {

    public static final LintRule FILE_NAME = new DescribedRule("file-name", Severity.ERROR, "file",
            "A file name Flyway would not run, a version used twice (also across db/migration and db/data), or an undo script for a version no migration has.",
            "name it as Flyway expects: V<version>__<description>.sql (or B..., R__..., a callback such as beforeMigrate.sql)"
                    + " with a version no other file uses");
    public static final LintRule FILE_NAME_STYLE = new DescribedRule("file-name-style", Severity.OFF, "file",
            "House style: integer versions and descriptive snake_case names, and an undo script with its migration's description.",
            "name it V<int>__<what_it_does_in_snake_case>.sql (opt-in house style: lint=file-name-style=error)");
    public static final LintRule MISSING_UNDO = new DescribedRule("missing-undo", Severity.WARNING, "file",
            "A version without db/undo/U<version>__<same description>.sql.",
            "add db/undo/U<version>__<same description>.sql that reverses it");
    public static final LintRule EMPTY_MIGRATION = new DescribedRule("empty-migration", Severity.WARNING, "file",
            "A versioned or repeatable migration with no statement (empty, or comments only): Flyway records it as applied,"
                    + " and whatever it was meant to do never happens.",
            "write the statements it was meant to hold, or delete the file if it was never released");
    public static final LintRule SUPPRESSION_WITHOUT_REASON = new DescribedRule("suppression-without-reason", Severity.ERROR,
            "comment", "A -- lint:ignore comment without reason: <text>; it suppresses nothing.",
            "write -- lint:ignore <rule-id> reason: <why this is safe>", false);
    public static final LintRule SUPPRESSION_UNKNOWN_RULE = new DescribedRule("suppression-unknown-rule", Severity.ERROR,
            "comment", "A -- lint:ignore comment naming a rule (or group) that does not exist; it suppresses nothing.",
            "use one of the rule ids listed by `cairn lint --help`", false);
    public static final LintRule PARSE_FALLBACK = new DescribedRule("parse-fallback", Severity.INFO, "parser",
            "A statement jOOQ's parser could not read (CREATE TRIGGER, REINDEX, ...), checked by its keywords instead.",
            "none needed; the statement was classified by its keywords instead of jOOQ's parser");

    private static final List<StatementRule> STATEMENT_RULES = List.of(
            new IndexNotConcurrent(), new ConcurrentlyNotAlone(), new ConcurrentlyInTransaction(), new ReindexNotConcurrent(),
            new NotNullWithoutDefault(), new AddColumnRewrite(), new AddSerialColumn(), new ColumnTypeChanged(),
            new ConstraintNotValid(), new UniqueWithoutIndex(), new SetNotNullWithoutCheck(), new AlterDomainAddConstraint(),
            new TruncateCascade(),
            new DropTable(), new DropColumn(), new RenameTable(), new RenameColumn(), new DropType(), new DropSchema(),
            new DeleteRows(), new TruncateTable(), new UpdateAllRows(), new RenameEnumValue(),
            new NotIdempotentCreateTable(), new NotIdempotentCreateIndex(), new NotIdempotentCreate(), new NotIdempotentDrop(),
            new NotIdempotentDropIndex(), new NotIdempotentAddColumn(), new NotIdempotentDropColumn(),
            new NotIdempotentAddConstraint(), new NotIdempotentDropConstraint(),
            new DataChange());

    /** The pipeline checks these on the throwaway database (dev.cairn.observe); listed so they can be configured and suppressed. */
    private static final List<LintRule> OBSERVED_RULES = List.of(
            observed(ObservedRisks.REWRITE, Severity.ERROR,
                    "The migration rewrote an existing table (its relfilenode changed): every row written under ACCESS EXCLUSIVE.",
                    "split the change so no rewrite is needed (new column, backfill in batches, switch over), or acknowledge it for a small table"),
            observed(ObservedRisks.BLOCKING_SCAN, Severity.ERROR,
                    "The migration read every row of an existing table (a scan or a constraint validation) under a lock that blocks writes.",
                    "add constraints NOT VALID and VALIDATE them in a later version; prove SET NOT NULL with a validated CHECK first"),
            observed(ObservedRisks.BLOCKING_INDEX_BUILD, Severity.ERROR,
                    "The migration built an index on an existing table under a lock that blocks writes.",
                    "CREATE INDEX CONCURRENTLY in a file of its own (and USING INDEX for UNIQUE/PRIMARY KEY)"),
            observed(ObservedRisks.BRIEF_EXCLUSIVE_LOCK, Severity.INFO,
                    "The migration took ACCESS EXCLUSIVE on an existing table for a metadata-only change: brief, but it queues behind open transactions.",
                    "keep lock_timeout set when migrating, e.g. cairn migrate --lock-timeout=5s"),
            observed(ObservedRisks.NON_TRANSACTIONAL, Severity.INFO,
                    "The migration ran outside a transaction (CONCURRENTLY, VACUUM): its locks were not observed and a failure leaves earlier statements applied.",
                    "keep such a file to its one statement"));

    private static final List<LintRule> ALL;
    private static final Map<String, LintRule> BY_ID = new LinkedHashMap<>();
    private static final Map<String, List<LintRule>> GROUPS = new LinkedHashMap<>();

    static {
        List<LintRule> all = new java.util.ArrayList<>(STATEMENT_RULES);
        all.addAll(List.of(FILE_NAME, FILE_NAME_STYLE, MISSING_UNDO, EMPTY_MIGRATION, SUPPRESSION_WITHOUT_REASON, SUPPRESSION_UNKNOWN_RULE,
                PARSE_FALLBACK));
        all.addAll(OBSERVED_RULES);
        ALL = List.copyOf(all);
        for (LintRule r : ALL) {
            if (BY_ID.put(r.id(), r) != null) throw new IllegalStateException("rule id used twice: " + r.id());
            r.group().ifPresent(g -> GROUPS.computeIfAbsent(g, k -> new java.util.ArrayList<>()).add(r));
        }
        GROUPS.replaceAll((g, rules) -> List.copyOf(rules));
        for (String g : GROUPS.keySet()) {
            if (BY_ID.containsKey(g)) throw new IllegalStateException("group id is also a rule id: " + g);
        }
    }

    private Rules() {
    }

    public static List<LintRule> all() {
        return ALL;
    }

    public static List<StatementRule> statementRules() {
        return STATEMENT_RULES;
    }

    public static Optional<LintRule> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** Group id → its rules, in registry order: {@code destructive}, {@code not-idempotent}. */
    public static Map<String, List<LintRule>> groups() {
        return java.util.Collections.unmodifiableMap(GROUPS);
    }

    /** The rules an id names: the rule itself, or every rule of a group; empty when it names none. */
    public static List<LintRule> resolve(String id) {
        LintRule r = BY_ID.get(id);
        if (r != null) return List.of(r);
        return GROUPS.getOrDefault(id, List.of());
    }

    private static LintRule observed(String id, Severity severity, String problem, String fix) {
        return new DescribedRule(id, severity, "database", problem, fix);
    }
}
