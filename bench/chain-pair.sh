#!/usr/bin/env bash
# Does the loop's cost depend on the project's age? Two synthetic chains of the same schema
# (gen-chain.sh: TABLES tables) and different lengths, each with its warm engine running,
# "add one migration, regenerate" (`./cairn generate`) on one, then the other, interleaved, so that
# both see the same machine.
#
#   bench/chain-pair.sh SHORT LONG TABLES [N]   (e.g. 1000 2000 200; N rounds each, default 7)
#
# With SAME_SCHEMA=1 the long chain's migrations after the SHORT-th leave the schema as it was
# (gen-chain.sh GROWING), so both chains end with the same tables and columns and only the length
# differs; without it the long chain's schema is larger too (more added columns and indexes).
#
# Each chain is seeded first (`--daemon off`: migrated from zero once, minutes); then one run each
# starts its daemon and one more is its warm-up; neither is counted. Between two runs there is a
# pause of PAUSE seconds (default 3), where a developer writes the next migration: a warm engine
# uses it for its after-run work (the next server started ahead, the caches written, a full GC),
# which in use is over before the next run. Without it, one chain's after-run work landed on the
# other chain's measured run (PAUSE=0 gives the old behaviour). Works in a temporary directory
# with its own snapshot caches, stops both daemons at the end (`--daemon stop`); writes
# bench/results/chain-pair-SHORT-LONG.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
short=$1 long=$2 tables=$3 n=${4:-7}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
. "$here/lib.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/cairn-bench-pair-XXXXXX")
cairn() { local m=$1; shift; (cd "$work/$m" && "$root/cairn" generate "$@" --snapshot-cache="$work/snapshots-$m"); }
cleanup() {
  for m in "$short" "$long"; do [[ -d $work/$m ]] && { cairn "$m" --daemon stop >/dev/null 2>&1 || true; }; done
  rm -rf "$work"
}
trap cleanup EXIT
declare -A v
for m in "$short" "$long"; do
  "$here/gen-chain.sh" "$m" "$tables" "$work/$m/src/main/resources" \
    $([[ ${SAME_SCHEMA:-0} == 1 ]] && echo "$short") >/dev/null
  cairn "$m" --daemon off >"$work/run.log" 2>&1 || { tail -30 "$work/run.log" >&2; exit 1; }
  v[$m]=$m
done
add() { v[$1]=$((v[$1] + 1)); printf 'CREATE TABLE IF NOT EXISTS loop_%s (id bigint PRIMARY KEY, note text);\n' "${v[$1]}" \
  >"$work/$1/src/main/resources/db/migration/V${v[$1]}__loop_${v[$1]}.sql"; }
stage() { grep "^$1 " "$work/run.log" | tail -1 | awk '{print $(NF-1)}'; }
# Not counted: the run that starts each daemon, and the first it serves.
for m in "$short" "$long"; do
  for _ in 1 2; do add "$m"; cairn "$m" >"$work/run.log" 2>&1 || { tail -30 "$work/run.log" >&2; exit 1; }; sleep 2; done
done
declare -A wall total lint migrate gen
pause=${PAUSE:-3}
for ((i = 0; i < n; i++)); do
  for m in $( ((i % 2 == 0)) && echo "$short $long" || echo "$long $short"); do
    sleep "$pause"
    add "$m"
    t0=$(now); cairn "$m" >"$work/run.log" 2>&1 || { tail -30 "$work/run.log" >&2; exit 1; }; t1=$(now)
    grep -q "in the warm engine" "$work/run.log" || { echo "$m: not run by its warm engine" >&2; cat "$work/run.log" >&2; exit 1; }
    grep -q "on snapshot" "$work/run.log" || { echo "$m: not from a snapshot" >&2; cat "$work/run.log" >&2; exit 1; }
    wall[$m]+="$(echo "$t1 - $t0" | bc) "; total[$m]+="$(stage total) "; lint[$m]+="$(stage lint) "
    migrate[$m]+="$(stage migrate) "; gen[$m]+="$(stage generate) "
  done
done
same="" note=""
if [[ ${SAME_SCHEMA:-0} == 1 ]]; then same=-same-schema note=" (the same schema: the last $((long - short)) migrations of the long chain add and drop)"; fi
out=$here/results/chain-pair-$short-$long$same.md
{
  echo "# The loop against the chain's length: $short and $long migrations, $tables tables, each with its warm engine$note"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) CPUs, load at the end $(cut -d' ' -f1-3 /proc/loadavg); n=$n each, interleaved, ${pause} s between runs;"
  echo "\`./cairn generate\` adding one table per run."
  echo
  echo "| chain | median wall (s) | median \`total\` (s) | lint | migrate | generate |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  for m in "$short" "$long"; do
    # shellcheck disable=SC2086
    echo "| $m migrations | $(printf %.2f "$(median ${wall[$m]})") | $(median ${total[$m]}) | $(median ${lint[$m]}) | $(median ${migrate[$m]}) | $(median ${gen[$m]}) |"
  done
  echo
  echo "\`total\`: $short: ${total[$short]}; $long: ${total[$long]}"
  echo
  echo "wall: $short: ${wall[$short]}; $long: ${wall[$long]}"
  # Paired by round (the two runs of a round are next to each other in time): the median of long/short.
  read -ra ws <<<"${wall[$short]}"; read -ra wl <<<"${wall[$long]}"
  ratios=(); for ((i = 0; i < n; i++)); do ratios+=("$(echo "scale=4; ${wl[$i]} / ${ws[$i]}" | bc)"); done
  echo
  echo "median of the per-round wall ratios $long/$short: $(printf %.3f "$(median "${ratios[@]}")")"
} | tee "$out"
