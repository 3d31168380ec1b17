package dev.cairn.lint.rules;

import dev.cairn.lint.Change;
import dev.cairn.lint.RuleContext;
import dev.cairn.lint.Severity;
import java.util.Set;

/** CREATE SEQUENCE/VIEW/SCHEMA/EXTENSION/TYPE/DOMAIN/FUNCTION/PROCEDURE without IF NOT EXISTS or OR REPLACE fails when the object exists. */
final class NotIdempotentCreate extends BaseRule {

    /** Kinds that have IF NOT EXISTS or OR REPLACE (or, for types, a duplicate-guarded DO block); tables have their own rule. */
    private static final Set<String> GUARDABLE = Set.of("sequence", "view", "materialized view", "schema", "extension",
            "type", "domain", "function", "procedure");

    NotIdempotentCreate() {
        super("not-idempotent-create", Severity.OFF, "not-idempotent",
                "CREATE SEQUENCE/VIEW/SCHEMA/EXTENSION/TYPE/DOMAIN/FUNCTION/PROCEDURE without IF NOT EXISTS or OR REPLACE fails when the object exists.",
                "IF NOT EXISTS or OR REPLACE; CREATE TYPE/DOMAIN: wrap in DO $$ BEGIN ...; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    }

    @Override
    public void check(Change change, RuleContext context) {
        if (change instanceof Change.Create c && GUARDABLE.contains(c.objectType()) && !c.guarded() && !context.duplicateGuarded()) {
            context.report("CREATE " + upper(c.objectType()) + " " + c.name()
                    + (c.objectType().equals("type") ? " fails when the type exists" : " without IF NOT EXISTS or OR REPLACE"));
        }
    }
}
