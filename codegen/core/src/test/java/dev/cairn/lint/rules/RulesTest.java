package dev.cairn.lint.rules;

import dev.cairn.lint.LintConfig;
import dev.cairn.lint.LintRule;
import dev.cairn.lint.Severity;
import dev.cairn.observe.ObservedRisks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry: group ids expand to their rules; observed rules are configurable like the rest. */
class RulesTest {

    private static Set<String> ids(List<LintRule> rules) {
        return rules.stream().map(LintRule::id).collect(Collectors.toSet());
    }

    @Test
    void destructiveNamesEveryRuleSplitFromIt() {
        assertEquals(Set.of("drop-table", "drop-column", "rename-table", "rename-column", "drop-type", "drop-schema",
                        "delete-rows", "truncate-table", "update-all-rows", "rename-enum-value"),
                ids(Rules.resolve("destructive")));
        assertEquals(9, Rules.resolve("not-idempotent").size());
        assertTrue(Rules.resolve("not-idempotent").stream().allMatch(r -> r.defaultSeverity() == Severity.OFF));
        assertEquals(Set.of("drop-table"), ids(Rules.resolve("drop-table")));
        assertTrue(Rules.resolve("no-such-rule").isEmpty());
    }

    @Test
    void aGroupSettingSetsEachRuleAndALaterRuleSettingOverridesIt() {
        LintConfig c = LintConfig.defaults().withSeverity("not-idempotent=error").withSeverity("not-idempotent-drop=off");
        assertEquals(Severity.ERROR, c.severityOf(Rules.byId("not-idempotent-create-table").orElseThrow()));
        assertEquals(Severity.OFF, c.severityOf(Rules.byId("not-idempotent-drop").orElseThrow()));
        assertEquals(Severity.ERROR, c.severityOf(Rules.byId("drop-column").orElseThrow()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.withSeverity("destructiv=off"));
        assertTrue(e.getMessage().contains("groups: [destructive, not-idempotent]"), e.getMessage());
    }

    @Test
    void observedRulesAreRegisteredWithTheIdsThePipelineReports() {
        for (String id : List.of(ObservedRisks.REWRITE, ObservedRisks.BLOCKING_SCAN, ObservedRisks.BLOCKING_INDEX_BUILD,
                ObservedRisks.BRIEF_EXCLUSIVE_LOCK, ObservedRisks.NON_TRANSACTIONAL)) {
            LintRule r = Rules.byId(id).orElseThrow(() -> new AssertionError(id + " is not registered"));
            assertEquals("database", r.checkedOn());
        }
        LintConfig off = LintConfig.defaults().withSeverity("observed-rewrite=off");
        assertEquals(Severity.OFF, off.severityOf(Rules.byId(ObservedRisks.REWRITE).orElseThrow()));
    }

    @Test
    void everyRuleSaysWhatAndHow() {
        for (LintRule r : Rules.all()) {
            assertTrue(r.id().matches("[a-z]+(-[a-z]+)*"), r.id());
            assertTrue(!r.problem().isBlank() && !r.fix().isBlank(), r.id());
        }
        assertEquals(Rules.all().size(), ids(Rules.all()).size());
    }
}
