"""Compares cairn's and squawk's verdicts on the lint corpus; used by bench/lint-vs-squawk.sh."""
import collections
import json
import os
import sys

# squawk rule -> the cairn rules that check the same thing (squawk 2.x rule names)
SQUAWK_TO_CAIRN = {
    "require-concurrent-index-creation": ["index-not-concurrent"],
    "require-concurrent-index-deletion": ["index-not-concurrent"],
    "ban-concurrent-index-creation-in-transaction": ["concurrently-not-alone"],
    "require-concurrent-reindex": ["reindex-not-concurrent"],
    "adding-required-field": ["not-null-without-default"],
    "adding-not-nullable-field": ["set-not-null-without-check", "not-null-without-default"],
    "adding-field-with-default": ["add-column-rewrite"],
    "adding-serial-primary-key-field": ["add-serial-column", "unique-without-index"],
    "changing-column-type": ["column-type-changed"],
    "constraint-missing-not-valid": ["constraint-not-valid"],
    "adding-foreign-key-constraint": ["constraint-not-valid"],
    "disallowed-unique-constraint": ["unique-without-index"],
    "ban-alter-domain-with-add-constraint": ["alter-domain-add-constraint"],
    "ban-create-domain-with-constraint": ["alter-domain-add-constraint"],
    "ban-truncate-cascade": ["truncate-cascade"],
    "ban-drop-table": ["drop-table"],
    "ban-drop-column": ["drop-column"],
    "renaming-table": ["rename-table"],
    "renaming-column": ["rename-column"],
    "ban-drop-database": [],
    "prefer-robust-stmts": ["not-idempotent-create-table", "not-idempotent-create-index", "not-idempotent-create",
                            "not-idempotent-drop", "not-idempotent-drop-index", "not-idempotent-add-column",
                            "not-idempotent-drop-column", "not-idempotent-add-constraint",
                            "not-idempotent-drop-constraint"],
}

tsv, squawk_json, version, runs, squawk_ms, cairn_cli_ms, cairn_inproc_ms = sys.argv[1:8]
cases = []
with open(tsv) as f:
    header = f.readline().rstrip("\n").split("\t")
    for line in f:
        cases.append(dict(zip(header, line.rstrip("\n").split("\t"))))
squawk_rules = collections.defaultdict(set)
for v in json.load(open(squawk_json)):
    squawk_rules[os.path.basename(v["file"])[:-4]].add(v["rule_name"])

rows = collections.OrderedDict()
unmapped = collections.Counter()
disagreements = []
totals = collections.Counter()
for c in cases:
    name, rule, expect = c["case"], c["rule"], c["expect"]
    if c["cairn_suppression"] == "true":
        totals["skipped (cairn lint:ignore comment; squawk has its own syntax)"] += 1
        continue
    counterparts = [s for s, rs in SQUAWK_TO_CAIRN.items() if rule in rs]
    found = squawk_rules.get(name, set())
    for s in found:
        if s not in SQUAWK_TO_CAIRN:
            unmapped[s] += 1
    sq = "flag" if any(s in found for s in counterparts) else "none"
    cairn = c["cairn"]
    r = rows.setdefault(rule, collections.Counter())
    r["cases"] += 1
    r["statements"] += int(c["statements"])
    r["squawk rule"] = r.get("squawk rule") or (", ".join(counterparts) if counterparts else "—")
    r["cairn right"] += cairn == expect
    r["squawk right"] += sq == expect
    r["both flag"] += cairn == "flag" and sq == "flag"
    r["only cairn"] += cairn == "flag" and sq == "none"
    r["only squawk"] += cairn == "none" and sq == "flag"
    totals["cases"] += 1
    totals["statements"] += int(c["statements"])
    totals["cairn right"] += cairn == expect
    totals["squawk right"] += sq == expect
    totals["both flag"] += cairn == "flag" and sq == "flag"
    totals["only cairn"] += cairn == "flag" and sq == "none"
    totals["only squawk"] += cairn == "none" and sq == "flag"
    totals["neither"] += cairn == "none" and sq == "none"
    if cairn != sq:
        disagreements.append((name, expect, cairn, sq, ", ".join(sorted(s for s in found if s in counterparts)) or "-"))

print(f"## cairn and squawk on the corpus (squawk {version.split()[-1]})\n")
print(f"{totals['cases']} cases, {totals['statements']} statements compared; "
      + "; ".join(f"{v} {k}" for k, v in totals.items() if k.startswith("skipped")) + ".\n")
print(f"| | cases |\n| --- | --- |")
for k in ["both flag", "only cairn", "only squawk", "neither", "cairn right", "squawk right"]:
    print(f"| {k} | {totals[k]} |")
print("\n| rule (corpus file) | cases | statements | squawk counterpart | both flag | only cairn | only squawk | cairn right | squawk right |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for rule, r in rows.items():
    print(f"| {rule} | {r['cases']} | {r['statements']} | {r['squawk rule']} | {r['both flag']} | {r['only cairn']} "
          f"| {r['only squawk']} | {r['cairn right']} | {r['squawk right']} |")
print("\nCases where they disagree (expect = the corpus's `-- expect:`; the right one matches it):\n")
print("| case | expect | cairn | squawk | squawk rule |\n| --- | --- | --- | --- | --- |")
for d in disagreements:
    print("| " + " | ".join(d) + " |")
print("\nsquawk rules with no cairn counterpart, by cases they fired in: "
      + ", ".join(f"{k} {v}" for k, v in unmapped.most_common()) + ".\n")
print(f"Time, median of {runs} runs, one process over the same {len(cases)} case files: squawk {squawk_ms} ms; "
      f"cairn CLI (`cairn lint`, JVM start included) {cairn_cli_ms} ms. In the JVM (LintCorpusTest, each case linted "
      f"on its own with _existing.sql, jOOQ parser set up per case): {cairn_inproc_ms} ms for all cases.")
