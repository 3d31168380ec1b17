#!/usr/bin/env bash
# "Add one migration, regenerate" on the tracker chain (59 migrations): `./mvnw -q generate-sources`
# with snapshots and the lint parse cache (warm) against the same command as it ran before them
# (cold: -Dcairn.snapshotCacheSize=0 and the lint cache deleted), and the same command started at
# the save while `./cairn generate --watch` runs (watch: the watch regenerates, the build waits for
# that run if needed and finds the classes up to date), interleaved warm, cold, watch, warm, ...
# Each run adds a V60 with a table of its own, then the tree is put back.
#
#   bench/snapshot-loop.sh [N] [EVICT_RUNS]   (N pairs after one warm-up pair, default 5;
#                                             then EVICT_RUNS warm runs under a 100m cap, default 4)
#
# Works on a copy of the repository (no .git, no target/) in a temporary directory with its own
# snapshot cache: nothing in the checkout or in ~/.cache is touched. Writes
# bench/results/snapshot-loop.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
n=${1:-5}
evict_runs=${2:-4}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
. "$here/lib.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/cairn-bench-snap-XXXXXX")
watch_pid=""
stop_watch() {   # SIGTERM (the watch stops its servers), SIGKILL after 30 s
  [[ -n $watch_pid ]] || return 0
  kill -TERM -- "-$watch_pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$watch_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$watch_pid" 2>/dev/null || true
  wait "$watch_pid" 2>/dev/null || true
  watch_pid=""
}
cleanup() {
  stop_watch
  rm -rf "$work"
}
trap cleanup EXIT
mkdir "$work/repo"
tar -C "$root" --exclude=.git --exclude=target -cf - . | tar -C "$work/repo" -xf -
repo=$work/repo
cache=$work/cache
mig=$repo/schema/src/main/resources/db/migration
mkdir "$work/pristine"
cp "$repo/schema/src/main/resources/db/migrations.lock" "$repo/generated/codegen.fingerprint" "$work/pristine/"
cp -a "$repo/generated/src" "$work/pristine/src"
restore() {
  rm -f "$mig"/V60__*.sql
  cp "$work/pristine/migrations.lock" "$repo/schema/src/main/resources/db/"
  cp "$work/pristine/codegen.fingerprint" "$repo/generated/"
  rm -rf "$repo/generated/src" && cp -a "$work/pristine/src" "$repo/generated/src"
}
gen() { (cd "$repo" && ./mvnw -q -B -o generate-sources -Dcairn.snapshotCache="$cache" "$@") >"$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }; }
stage() { grep "^$1 " "$work/log" | tail -1 | awk '{print $(NF-1)}'; }
bytes() { du -sb "$cache" 2>/dev/null | cut -f1; }

# Compiles codegen/core once and keeps snapshot @V59 (a forced run migrates from zero and keeps its result).
gen -Dcairn.force
peak=$(bytes)
# The watch, as README's step 3 runs it, on the same tree and cache (its own process group, so that the
# clean-up's SIGTERM reaches it). It builds cairn.jar for the copy first.
setsid bash -c 'cd "$1" && exec ./cairn generate --watch --snapshot-cache "$2"' _ "$repo" "$cache" >"$work/watch.log" 2>&1 &
watch_pid=$!
for _ in $(seq 1 600); do grep -q "start: " "$work/watch.log" && break; sleep 0.5; done
grep -q "start: " "$work/watch.log" || { cat "$work/watch.log" >&2; exit 1; }
watch_lines() { grep -cE '^[0-9]{2}:[0-9]{2}:[0-9]{2}  ' "$work/watch.log" || true; }   # one line per run
settle_watch() {   # the watch's run after the tree was put back, so that it does not overlap the next measured run
  local before=$1
  for _ in $(seq 1 600); do (($(watch_lines) > before)) && break; sleep 0.1; done
  sleep 0.3
}
declare -a ww wt wl cw ct cl sw
waits=0
for ((i = 0; i <= n; i++)); do
  for mode in warm cold watch; do
    # In warm and cold, the watch sees the save too: stop it from running then (SIGSTOP), resume after.
    if [[ $mode != watch ]]; then kill -STOP -- "-$watch_pid"; fi
    lines=$(watch_lines)
    printf 'CREATE TABLE IF NOT EXISTS bench_%s_%s (id bigint PRIMARY KEY, note text);\n' "$i" "$mode" \
      >"$mig/V60__create_bench_${i}_$mode.sql"
    if [[ $mode == cold ]]; then
      rm -f "$repo/generated/target/cairn-lint-parses.bin"
      t0=$(now); gen -Dcairn.snapshotCacheSize=0; t1=$(now)
    else
      t0=$(now); gen; t1=$(now)
    fi
    grep -E '^(waited|lint|database|migrate|generate|up-to-date|total) ' "$work/log" | sed "s/^/[$i $mode] /" >&2
    if [[ $mode == watch ]]; then
      grep -q "^up-to-date " "$work/log" || { echo "the build beside the watch regenerated itself:" >&2; cat "$work/log" "$work/watch.log" >&2; exit 1; }
      grep -q "bench_${i}_watch" "$repo"/generated/src/main/java/dev/trackerdb/generated/Tables.java \
        || { echo "the build beside the watch ended without the new table" >&2; exit 1; }
      grep -q "^waited " "$work/log" && waits=$((waits + 1))
    fi
    b=$(bytes); ((b > peak)) && peak=$b
    restore
    if [[ $mode == watch ]]; then settle_watch "$((lines + 1))"; else
      # the watch wakes to a tree that is back where it was: its run finds nothing new
      kill -CONT -- "-$watch_pid"; settle_watch "$lines"; fi
    ((i == 0)) && continue   # the first round warms the file cache
    wall=$(echo "$t1 - $t0" | bc)
    case $mode in
      warm) ww+=("$wall"); wt+=("$(stage total)"); wl+=("$(stage lint)") ;;
      cold) cw+=("$wall"); ct+=("$(stage total)"); cl+=("$(stage lint)") ;;
      watch) sw+=("$wall") ;;
    esac
  done
done
stop_watch

# Eviction: the same loop under a 100m cap; the cache must stay under it.
declare -a sizes
for ((i = 0; i < evict_runs; i++)); do
  printf 'CREATE TABLE IF NOT EXISTS evict_%s (id bigint PRIMARY KEY);\n' "$i" >"$mig/V60__create_evict_$i.sql"
  gen -Dcairn.snapshotCacheSize=100m
  sizes+=("$(( $(bytes) / 1048576 )) MiB ($(find "$cache" -mindepth 2 -maxdepth 2 -not -path '*/.*' | wc -l) snapshots)")
  restore
done

out=$here/results/snapshot-loop.md
{
  echo "# Add one migration, regenerate: snapshots vs cold ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); n=$n interleaved pairs after one warm-up pair."
  echo
  echo "| run | median wall | median total (stage line) | median lint |"
  echo "|---|---:|---:|---:|"
  echo "| warm: snapshot @V59 + 1 new migration, lint cache | $(median "${ww[@]}") s | $(median "${wt[@]}") s | $(median "${wl[@]}") s |"
  echo "| cold: snapshots off, lint cache deleted | $(median "${cw[@]}") s | $(median "${ct[@]}") s | $(median "${cl[@]}") s |"
  echo
  echo "| watch: \`./cairn generate --watch\` running, the build started at the save | $(median "${sw[@]}") s | (up-to-date) | |"
  echo
  echo "warm / cold wall: $(echo "scale=2; $(median "${ww[@]}") / $(median "${cw[@]}")" | bc); total: $(echo "scale=2; $(median "${wt[@]}") / $(median "${ct[@]}")" | bc)"
  echo "watch / cold wall: $(echo "scale=2; $(median "${sw[@]}") / $(median "${cw[@]}")" | bc) (builds that waited for the watch's run: $waits of $n)"
  echo
  echo "All walls (s): warm ${ww[*]}; cold ${cw[*]}; watch ${sw[*]}"
  echo
  echo "All totals (s): warm ${wt[*]}; cold ${ct[*]}"
  echo
  echo "Peak cache size (cap 1g): $((peak / 1048576)) MiB. Under a 100m cap, after each of $evict_runs runs: ${sizes[*]}."
} | tee "$out"
