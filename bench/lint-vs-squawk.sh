#!/usr/bin/env bash
# cairn lint and squawk on cairn's lint corpus (codegen/core/src/test/resources/lint-corpus), side by side.
# Not part of ./mvnw verify.
#
#   bench/lint-vs-squawk.sh [N]     N: timing runs of each tool (default 5; the median is reported)
#
# 1. Runs LintCorpusTest, which writes every corpus case as one SQL file to
#    codegen/core/target/lint-corpus/cases/ and cairn's verdict per case to .../cairn.tsv.
# 2. Installs squawk-cli from npm into $SQUAWK_DIR (default /tmp/squawk) when it is not there, and
#    runs `squawk --pg-version=<major> [--assume-in-transaction] --reporter=json` on the same case
#    files (major: the case's `-- postgres:` line, else 18 as for cairn; in a transaction unless the
#    file is one CONCURRENTLY statement, as Flyway runs them).
# 3. Compares, per case, whether each tool reports the case's rule (squawk: any squawk rule that
#    checks the same thing, see bench/lint_vs_squawk.py) with the case's `-- expect:` line.
# 4. Times both on the same 194 files, one process each: squawk on the case files, and the cairn CLI
#    on the same files as one migration folder (V1 = _existing.sql, then one version per case).
#
# Prints Markdown and writes it to bench/results/lint-vs-squawk.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=${1:-5}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
squawk_dir=${SQUAWK_DIR:-/tmp/squawk}
out=$root/codegen/core/target/lint-corpus

(cd "$root" && ./mvnw -q -B -o -Dcairn.in-repo.skip=true -Dinvoker.skip=true -pl codegen/core -Dtest=LintCorpusTest \
  -Dsurefire.failIfNoSpecifiedTests=false test >/dev/null)

if [[ ! -x $squawk_dir/node_modules/.bin/squawk ]]; then
  mkdir -p "$squawk_dir" && (cd "$squawk_dir" && npm install --silent squawk-cli >/dev/null)
fi
squawk=$squawk_dir/node_modules/.bin/squawk
squawk_version=$("$squawk" --version)

# Each case with the PostgreSQL major it is written for (-- postgres: N, else the build's), as cairn
# judged it, and as Flyway runs it: in a transaction (--assume-in-transaction, which also tells squawk
# that a table created in the file is new), except a file of one CONCURRENTLY statement, which Flyway
# runs outside one. squawk exits 1 when it reports anything.
rm -f "$out"/squawk-*.json
for major in $(awk -F'\t' 'NR > 1 { print $8 }' "$out/cairn.tsv" | sort -u); do
  for mode in tx alone; do
    files=$(awk -F'\t' -v m="$major" -v d="$out/cases" 'NR > 1 && $8 == m { print $1 "\t" $5 }' "$out/cairn.tsv" |
      while IFS=$'\t' read -r name statements; do
        if [[ $statements == 1 ]] && grep -qi concurrently "$out/cases/$name.sql"; then m=alone; else m=tx; fi
        [[ $m == "$mode" ]] && echo "$out/cases/$name.sql"
      done || true)
    [[ -z $files ]] && continue
    flag=(); [[ $mode == tx ]] && flag=(--assume-in-transaction)
    # shellcheck disable=SC2086
    "$squawk" --pg-version="$major.0" "${flag[@]}" --reporter=json $files >"$out/squawk-pg$major-$mode.json" || true
  done
done
jq -s 'add' "$out"/squawk-pg*.json >"$out/squawk.json"

# The same files as one chain for the cairn CLI (timing only: cases share state there).
chain=$(mktemp -d)
trap 'rm -rf "$chain"' EXIT
mkdir -p "$chain/migration"
cp "$root/codegen/core/src/test/resources/lint-corpus/_existing.sql" "$chain/migration/V1__existing.sql"
v=2
for f in "$out"/cases/*.sql; do cp "$f" "$chain/migration/V${v}__$(basename "$f" .sql | tr -- '-' '_').sql"; v=$((v + 1)); done
"$root/cairn" --help >/dev/null # builds the jar once, outside the timing

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
squawk_ms=$(for _ in $(seq "$runs"); do ms "$squawk" --pg-version=18 --assume-in-transaction "$out"/cases/*.sql; done | median)
cairn_ms=$(for _ in $(seq "$runs"); do ms "$root/cairn" lint --migrations "$chain/migration" --severity not-idempotent=error,data-change=error; done | median)

python3 "$here/lint_vs_squawk.py" "$out/cairn.tsv" "$out/squawk.json" "$squawk_version" "$runs" "$squawk_ms" "$cairn_ms" \
  "$(cat "$out/cairn-lint-ms.txt")" | tee "$here/results/lint-vs-squawk.md"
