#!/usr/bin/env bash
# "Add one migration, regenerate" on the tracker chain (59 migrations): `./mvnw -q generate-sources`,
# three ways, interleaved (daemon, snapshot, cold, daemon, ...), each in a copy of the repository of
# its own, where every round adds the next migration (V60, V61, ...), as a developer's loop does:
# - daemon:   as it comes: the warm engine runs the generate (started by the warm-up round), from the
#             snapshot of the previous run, on the server it started ahead;
# - snapshot: -Dcairn.daemon=off: a generate in Maven's JVM, from the snapshot, with the lint cache;
# - cold:     -Dcairn.daemon=off -Dcairn.snapshotCacheSize=0 and the lint cache deleted: the same
#             command as it ran before snapshots, the daemon and the lint cache (from zero).
#
#   bench/snapshot-loop.sh [N] [EVICT_RUNS]   (N rounds after one warm-up round, default 5;
#                                             then EVICT_RUNS daemon runs under a 100m cap, default 4)
#
# The copies (no .git, no target/) and their snapshot caches live in a temporary directory: nothing in
# the checkout or in ~/.cache is touched; the daemon is stopped at the end (daemon=stop). Writes
# bench/results/snapshot-loop.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
n=${1:-5}
evict_runs=${2:-4}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
. "$here/lib.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/cairn-bench-snap-XXXXXX")
modes=(daemon snapshot cold)
cleanup() {
  # the daemon=stop run stops the copy's daemon (and its server started ahead) before the copy goes
  [[ -d $work/daemon ]] && (cd "$work/daemon" && ./mvnw -q -B -o generate-sources -Dcairn.daemon=stop \
    -Dcairn.snapshotCache="$work/cache-daemon" >/dev/null 2>&1 || true)
  rm -rf "$work"
}
trap cleanup EXIT
for mode in "${modes[@]}"; do
  mkdir "$work/$mode"
  tar -C "$root" --exclude=.git --exclude=target -cf - . | tar -C "$work/$mode" -xf -
done
gen() {   # gen MODE ARGS...: the mode's build; its output in $work/log
  local mode=$1; shift
  local extra=()
  case $mode in
    snapshot) extra=(-Dcairn.daemon=off) ;;
    cold) extra=(-Dcairn.daemon=off -Dcairn.snapshotCacheSize=0)
          rm -f "$work/cold/generated/target/cairn-lint-parses.bin" ;;
  esac
  (cd "$work/$mode" && ./mvnw -q -B -o generate-sources -Dcairn.snapshotCache="$work/cache-$mode" "${extra[@]}" "$@") \
    >"$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }
}
stage() { grep "^$1 " "$work/log" | tail -1 | awk '{print $(NF-1)}'; }
bytes() { du -sb "$work/cache-$1" 2>/dev/null | cut -f1; }
# The snapshots the cache holds (its entries), without what is still being deleted (.trash) or stored.
held() { local d=$work/cache-$1; find "$d" -mindepth 1 -maxdepth 1 -not -name '.*' -exec du -sb {} + 2>/dev/null | awk '{s += $1} END {print s + 0}'; }

# Compiles codegen/core in each copy and keeps snapshot @V59 (a forced run migrates from zero and keeps its result).
for mode in daemon snapshot; do gen "$mode" -Dcairn.force -Dcairn.daemon=off; done
gen cold -Dcairn.force
peak=$(bytes daemon)
declare -a dw dt sw st cw ct
for ((i = 0; i <= n; i++)); do
  v=$((60 + i))
  for mode in "${modes[@]}"; do
    printf 'CREATE TABLE IF NOT EXISTS bench_%s (id bigint PRIMARY KEY, note text);\n' "$v" \
      >"$work/$mode/schema/src/main/resources/db/migration/V${v}__create_bench_$v.sql"
    t0=$(now); gen "$mode"; t1=$(now)
    grep -E '^(daemon|lint|database|migrate|generate|total) ' "$work/log" | sed "s/^/[$i $mode] /" >&2
    grep -q "bench_$v" "$work/$mode"/generated/src/main/java/dev/trackerdb/generated/Tables.java \
      || { echo "$mode ended without the new table" >&2; cat "$work/log" >&2; exit 1; }
    if [[ $mode == daemon ]] && ((i > 0)); then
      grep -q "^daemon      run .* in the warm engine" "$work/log" || { echo "the daemon did not run it:" >&2; cat "$work/log" >&2; exit 1; }
    fi
    b=$(bytes daemon); ((b > peak)) && peak=$b
    if ((i == 0)); then
      # the warm-up round: the daemon round started the warm engine; give it its warm-up (one generate)
      [[ $mode == daemon ]] && sleep 1
      continue
    fi
    wall=$(echo "$t1 - $t0" | bc)
    case $mode in
      daemon) dw+=("$wall"); dt+=("$(stage total)") ;;
      snapshot) sw+=("$wall"); st+=("$(stage total)") ;;
      cold) cw+=("$wall"); ct+=("$(stage total)") ;;
    esac
  done
done

# Eviction: the same loop under a 100m cap; the cache must stay under it.
declare -a sizes
for ((i = 0; i < evict_runs; i++)); do
  v=$((61 + n + i))
  printf 'CREATE TABLE IF NOT EXISTS evict_%s (id bigint PRIMARY KEY);\n' "$v" \
    >"$work/daemon/schema/src/main/resources/db/migration/V${v}__create_evict_$v.sql"
  gen daemon -Dcairn.snapshotCacheSize=100m
  sizes+=("$(( $(held daemon) / 1048576 )) MiB ($(find "$work/cache-daemon" -mindepth 2 -maxdepth 2 -not -path '*/.*' | wc -l) snapshots; $(( ($(bytes daemon) - $(held daemon)) / 1048576 )) MiB more still being deleted)")
done

ratio() { echo "scale=2; $1 / $2" | bc; }
med() { printf %.2f "$(median "$@")"; }
out=$here/results/snapshot-loop.md
{
  echo "# Add one migration, regenerate: the warm engine, snapshots, cold ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); n=$n interleaved rounds after one warm-up round;"
  echo "\`./mvnw -q -o generate-sources\` of the whole repository (its reactor builds cairn-core before it runs the tool)."
  echo
  echo "| run | median wall | vs cold | median total (stage line) |"
  echo "|---|---:|---:|---:|"
  echo "| daemon: the warm engine, snapshot + 1 new migration, server started ahead | $(med "${dw[@]}") s | $(ratio "$(median "${dw[@]}")" "$(median "${cw[@]}")") | $(median "${dt[@]}") s |"
  echo "| snapshot: \`-Dcairn.daemon=off\`, snapshot + 1 new migration, lint cache | $(med "${sw[@]}") s | $(ratio "$(median "${sw[@]}")" "$(median "${cw[@]}")") | $(median "${st[@]}") s |"
  echo "| cold: \`-Dcairn.daemon=off -Dcairn.snapshotCacheSize=0\`, lint cache deleted | $(med "${cw[@]}") s | 1.00 | $(median "${ct[@]}") s |"
  echo
  echo "All walls (s): daemon ${dw[*]}; snapshot ${sw[*]}; cold ${cw[*]}"
  echo
  echo "All totals (s): daemon ${dt[*]}; snapshot ${st[*]}; cold ${ct[*]}"
  echo
  echo "Peak size of the daemon copy's cache (cap 1g): $((peak / 1048576)) MiB. Under a 100m cap, held right after each of $evict_runs runs: ${sizes[*]}."
} | tee "$out"
