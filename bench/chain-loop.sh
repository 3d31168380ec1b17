#!/usr/bin/env bash
# "Add one migration, regenerate" on a synthetic chain (gen-chain.sh), without Maven, three ways
# one after the other on the same project (each way's runs start from the snapshot of the run before):
#   one-shot: `./cairn generate --daemon off` per new migration (a new JVM each time; snapshot + lint
#             cache warm, class data sharing archive in place);
#   daemon:   `./cairn generate` as it comes: the project's warm engine runs it, on the server it
#             started ahead (the first run, which starts it, and the next are not counted);
#   watch:    `./cairn generate --watch` running; from the save to its line.
#
#   bench/chain-loop.sh MIGRATIONS TABLES [N]   (N new migrations each way, default 5)
#
# The seed run migrates the whole chain from zero (minutes for thousands of migrations) and keeps
# the snapshot the later runs start from. Works in a temporary directory with its own snapshot
# cache; writes bench/results/chain-loop-<MIGRATIONS>.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
migrations=$1 tables=$2 n=${3:-5}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
. "$here/lib.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/cairn-bench-chain-XXXXXX")
watch_pid=""
cleanup() {
  [[ -n $watch_pid ]] && { kill -TERM -- "-$watch_pid" 2>/dev/null || true; wait "$watch_pid" 2>/dev/null || true; }
  [[ -d $work/project ]] && { cairn generate --daemon stop >/dev/null 2>&1 || true; }   # the warm engine, if up
  rm -rf "$work"
}
trap cleanup EXIT
"$here/gen-chain.sh" "$migrations" "$tables" "$work/project/src/main/resources"
mig=$work/project/src/main/resources/db/migration
cairn() { (cd "$work/project" && "$root/cairn" "$@" --snapshot-cache="$work/snapshots"); }
stage() { grep "^$1 " "$work/run.log" | tail -1 | awk '{print $(NF-1)}'; }
add() { printf 'CREATE TABLE IF NOT EXISTS loop_%s (id bigint PRIMARY KEY, note text);\n' "$1" >"$mig/V$1__loop_$1.sql"; }

t0=$(now); cairn generate >"$work/run.log" 2>&1 || { tail -30 "$work/run.log" >&2; exit 1; }; t1=$(now)
seed=$(echo "$t1 - $t0" | bc); seed_migrate=$(stage migrate)
# One more (not counted): the class data sharing archive is written by the first full run of a jar build.
v=$((migrations + 1)); add "$v"; cairn generate --daemon off >"$work/run.log" 2>&1 || { tail -30 "$work/run.log" >&2; exit 1; }
declare -a ow ot ol om og dw dt dl dm dg wl wr
for ((i = 1; i <= n; i++)); do
  v=$((v + 1)); add "$v"
  t0=$(now); cairn generate --daemon off >"$work/run.log" 2>&1 || { tail -30 "$work/run.log" >&2; exit 1; }; t1=$(now)
  grep -q "on snapshot" "$work/run.log" || { echo "V$v did not start from a snapshot" >&2; cat "$work/run.log" >&2; exit 1; }
  ow+=("$(echo "$t1 - $t0" | bc)"); ot+=("$(stage total)"); ol+=("$(stage lint)"); om+=("$(stage migrate)"); og+=("$(stage generate)")
done
for ((i = -1; i <= n; i++)); do
  v=$((v + 1)); add "$v"
  t0=$(now); cairn generate >"$work/run.log" 2>&1 || { tail -30 "$work/run.log" >&2; exit 1; }; t1=$(now)
  if ((i < 1)); then sleep 2; continue; fi   # the run that starts the daemon, then its first (the daemon's warm-up overlaps it)
  grep -q "in the warm engine" "$work/run.log" || { echo "V$v did not run in the warm engine" >&2; cat "$work/run.log" >&2; exit 1; }
  dw+=("$(echo "$t1 - $t0" | bc)"); dt+=("$(stage total)"); dl+=("$(stage lint)"); dm+=("$(stage migrate)"); dg+=("$(stage generate)")
done
cairn generate --daemon stop >/dev/null 2>&1   # the watch alone from here
# Its own process group (setsid execs in place: a background job of this script is no group leader).
setsid bash -c 'cd "$1" && exec "$2" generate --watch --snapshot-cache="$3"' _ "$work/project" "$root/cairn" "$work/snapshots" \
  >"$work/watch.log" 2>&1 &
watch_pid=$!
for _ in $(seq 1 600); do grep -q "start: " "$work/watch.log" && break; sleep 0.5; done
grep -q "start: " "$work/watch.log" || { cat "$work/watch.log" >&2; exit 1; }
for ((i = 0; i <= n; i++)); do
  v=$((v + 1))
  t0=$(now); add "$v"
  for _ in $(seq 1 6000); do grep -q "V${v}__loop_$v.sql: " "$work/watch.log" && break; sleep 0.01; done
  t1=$(now)
  line=$(grep "V${v}__loop_$v.sql: " "$work/watch.log" || true)
  [[ $line == *updated* ]] || { echo "the watch did not regenerate V$v" >&2; cat "$work/watch.log" >&2; exit 1; }
  ((i == 0)) && continue   # the watch's first run with a database loads the classes
  wl+=("$(echo "$t1 - $t0" | bc)"); wr+=("$(awk '{print $(NF-1)}' <<<"$line")")
done
out=$here/results/chain-loop-$migrations.md
{
  echo "# Add one migration, regenerate: $migrations migrations, $tables tables (gen-chain.sh), no Maven"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) CPUs, load at the end $(cut -d' ' -f1-3 /proc/loadavg); n=$n each way."
  echo "Seed (from zero, all $migrations new): $(printf %.1f "$seed") s wall, migrate stage $seed_migrate s."
  echo
  echo "| way | median wall (s) | median \`total\` (s) | lint | migrate | generate |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  echo "| one-shot \`./cairn generate --daemon off\` | $(printf %.2f "$(median "${ow[@]}")") | $(median "${ot[@]}") | $(median "${ol[@]}") | $(median "${om[@]}") | $(median "${og[@]}") |"
  echo "| \`./cairn generate\`, run by the warm engine | $(printf %.2f "$(median "${dw[@]}")") | $(median "${dt[@]}") | $(median "${dl[@]}") | $(median "${dm[@]}") | $(median "${dg[@]}") |"
  echo "| \`./cairn generate --watch\`, save to line | $(printf %.2f "$(median "${wl[@]}")") | $(median "${wr[@]}") | | | |"
  echo
  echo "One-shot totals: ${ot[*]}; warm engine totals: ${dt[*]}; watch runs: ${wr[*]}"
  echo "Snapshot cache at the end: $(du -sh "$work/snapshots" | cut -f1)"
} | tee "$out"
