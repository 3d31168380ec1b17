#!/usr/bin/env bash
# Deterministic synthetic migration chain: gen-chain.sh MIGRATIONS TABLES DIR [GROWING]
# Writes DIR/db/migration/V<n>__*.sql and DIR/db/undo/U<n>__*.sql (lint-clean: IF [NOT] EXISTS,
# CONCURRENTLY alone in its file, NOT NULL only with a DEFAULT). Same arguments, same bytes.
#   - the first min(TABLES, MIGRATIONS/2) migrations create the tables (round-robin), each with a
#     primary key, a few columns and, from the second round on, a foreign key to an earlier table;
#   - the rest cycle through: add two columns / index one of them CONCURRENTLY / add a NOT NULL
#     column with a default / comment on a column, on tables taken in turn;
#   - with GROWING, only the first GROWING migrations do that; the rest leave the schema as it was
#     (add a column / drop it / index a column CONCURRENTLY / drop the index CONCURRENTLY), so a
#     longer chain ends with the same schema as the chain of GROWING migrations.
set -euo pipefail
n=$1 t=$2 dir=$3 growing=${4:-$1}
mig=$dir/db/migration undo=$dir/db/undo
mkdir -p "$mig" "$undo"
c=$(( t < n / 2 ? t : n / 2 ))
(( c >= 1 )) || { echo "need at least 2 migrations" >&2; exit 64; }
tbl() { printf 't%04d' "$1"; }
for ((k = 1; k <= c; k++)); do
  name=create_tables_$k
  {
    echo "-- synthetic: tables created in round-robin group $k"
    for ((x = k; x <= t; x += c)); do
      fk=""
      (( x > c )) && fk=", parent_id bigint REFERENCES $(tbl $((x - c))) (id)"
      echo "CREATE TABLE IF NOT EXISTS $(tbl $x) (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, amount numeric(12,2), created_at timestamptz NOT NULL DEFAULT now()$fk);"
    done
  } >"$mig/V${k}__$name.sql"
  {
    for ((x = t - ((t - k) % c); x >= k; x -= c)); do
      echo "-- lint:ignore destructive reason: undo of V$k"; echo "DROP TABLE IF EXISTS $(tbl $x);"
    done
  } >"$undo/U${k}__$name.sql"
done
for ((v = c + 1; v <= growing && v <= n; v++)); do
  j=$((v - c)) x=$(( (j - 1) / 4 % t + 1 )) T=$(tbl $(( (j - 1) / 4 % t + 1 )))
  g=$(( (j - 1) / 4 ))
  case $(( (j - 1) % 4 )) in
    0) name=add_${T}_c$g
       printf 'ALTER TABLE %s ADD COLUMN IF NOT EXISTS c%d text;\nALTER TABLE %s ADD COLUMN IF NOT EXISTS n%d integer;\n' "$T" $g "$T" $g >"$mig/V${v}__$name.sql"
       printf -- '-- lint:ignore destructive reason: undo\nALTER TABLE %s DROP COLUMN IF EXISTS c%d;\n-- lint:ignore destructive reason: undo\nALTER TABLE %s DROP COLUMN IF EXISTS n%d;\n' "$T" $g "$T" $g >"$undo/U${v}__$name.sql" ;;
    1) name=create_index_${T}_c$g
       printf 'CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_%s_c%d ON %s (c%d);\n' "$T" $g "$T" $g >"$mig/V${v}__$name.sql"
       printf 'DROP INDEX CONCURRENTLY IF EXISTS ix_%s_c%d;\n' "$T" $g >"$undo/U${v}__$name.sql" ;;
    2) name=add_${T}_f$g
       printf 'ALTER TABLE %s ADD COLUMN IF NOT EXISTS f%d boolean NOT NULL DEFAULT false;\n' "$T" $g >"$mig/V${v}__$name.sql"
       printf -- '-- lint:ignore destructive reason: undo\nALTER TABLE %s DROP COLUMN IF EXISTS f%d;\n' "$T" $g >"$undo/U${v}__$name.sql" ;;
    3) name=comment_${T}_c$g
       printf "COMMENT ON COLUMN %s.c%d IS 'synthetic column %d of %s';\n" "$T" $g $g "$T" >"$mig/V${v}__$name.sql"
       printf 'COMMENT ON COLUMN %s.c%d IS NULL;\n' "$T" $g >"$undo/U${v}__$name.sql" ;;
  esac
done
for ((v = growing + 1; v <= n; v++)); do
  j=$((v - growing)) T=$(tbl $(( (j - 1) / 4 % t + 1 ))) g=$(( (j - 1) / 4 ))
  case $(( (j - 1) % 4 )) in
    0) name=add_${T}_tmp$g
       printf 'ALTER TABLE %s ADD COLUMN IF NOT EXISTS tmp%d text;\n' "$T" $g >"$mig/V${v}__$name.sql"
       printf -- '-- lint:ignore destructive reason: undo\nALTER TABLE %s DROP COLUMN IF EXISTS tmp%d;\n' "$T" $g >"$undo/U${v}__$name.sql" ;;
    1) name=drop_${T}_tmp$g
       printf -- '-- lint:ignore destructive reason: synthetic, added by the migration before\nALTER TABLE %s DROP COLUMN IF EXISTS tmp%d;\n' "$T" $g >"$mig/V${v}__$name.sql"
       printf 'ALTER TABLE %s ADD COLUMN IF NOT EXISTS tmp%d text;\n' "$T" $g >"$undo/U${v}__$name.sql" ;;
    2) name=create_index_${T}_tmp$g
       printf 'CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_%s_tmp%d ON %s (name);\n' "$T" $g "$T" >"$mig/V${v}__$name.sql"
       printf 'DROP INDEX CONCURRENTLY IF EXISTS ix_%s_tmp%d;\n' "$T" $g >"$undo/U${v}__$name.sql" ;;
    3) name=drop_index_${T}_tmp$g
       printf 'DROP INDEX CONCURRENTLY IF EXISTS ix_%s_tmp%d;\n' "$T" $g >"$mig/V${v}__$name.sql"
       printf 'CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_%s_tmp%d ON %s (name);\n' "$T" $g "$T" >"$undo/U${v}__$name.sql" ;;
  esac
done
