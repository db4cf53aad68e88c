#!/usr/bin/env bash
# The benchmark, run on purpose (CI does not): loads N generated sessions into a fresh database through the import
# endpoint, then prints the import rate beside PostgreSQL's own COPY of the same rows, overview latencies over HTTP,
# POST throughput beside pgbench's INSERT of the same row, and the service's resident memory.
#
#   bench/run.sh all          the README's figures: 1 M sessions, then 10 M (18 minutes to an hour and a half here)
#   bench/run.sh [N]          N sessions (default 100000)
#   BENCH_REUSE=1 bench/run.sh N   measures again over the database the last run loaded (no generating, no import)
#   BENCH_LOAD=sql bench/run.sh N  loads the sessions with SQL instead of through the service, for the read figures at
#                                  sizes the import would take hours to load here (no import rate, no audit rows)
#
# The service runs with the JVM options of JAVA_OPTS, by default those of docker/Dockerfile.jvm (JAVA_MEMORY_OPTS),
# and with MALLOC_ARENA_MAX=2 as there.
#
# Needs: PostgreSQL on localhost:5432 (user postgres, no password), wrk, pgbench, bc and openssl (Debian: wrk,
# postgresql-client, bc, openssl), and the packaged service (./mvnw package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = all ]; then
  BENCH_DB=logbook_bench_1m BENCH_DIR=/tmp/logbook-bench-1m "$0" 1000000
  BENCH_DB=logbook_bench_10m BENCH_DIR=/tmp/logbook-bench-10m BENCH_LOAD=sql "$0" 10000000
  exit 0
fi
N=${1:-100000}
DB=${BENCH_DB:-logbook_bench}
OUT=${BENCH_DIR:-/tmp/logbook-bench}
PORT=${BENCH_PORT:-8089}
BASE=http://127.0.0.1:$PORT
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
JAVA_OPTS=${JAVA_OPTS:-$(sed -n 's/^ENV JAVA_MEMORY_OPTS="\(.*\)"$/\1/p' docker/Dockerfile.jvm)}
for tool in wrk pgbench openssl bc; do command -v $tool >/dev/null || { echo "bench: $tool is missing" >&2; exit 1; }; done
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
seconds() { date +%s.%N; }

# The settings of docker/compose.yaml that PostgreSQL takes without a restart, for the run; reset when it ends.
# shared_buffers needs a restart: the run says what it has.
TUNED="max_wal_size=8GB checkpoint_timeout=15min wal_compression=on effective_cache_size=6GB"
untune() {
  for setting in $TUNED; do $PSQL -d postgres -c "alter system reset ${setting%%=*}"; done
  $PSQL -d postgres -Atc "select pg_reload_conf()" > /dev/null
}
for setting in $TUNED; do $PSQL -d postgres -c "alter system set ${setting%%=*} = '${setting#*=}'"; done
$PSQL -d postgres -Atc "select pg_reload_conf()" > /dev/null
trap untune EXIT

echo "== JVM options: $JAVA_OPTS"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GB, $($PSQL -d postgres -Atc 'show server_version')"
echo "== PostgreSQL: $($PSQL -d postgres -Atc "select string_agg(name || '=' || current_setting(name), ' ' order by name) from pg_settings
  where name in ('shared_buffers', 'effective_cache_size', 'max_wal_size', 'checkpoint_timeout', 'wal_compression')")"
REUSE=${BENCH_REUSE:-}
[ -z "$REUSE" ] && $PSQL -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
mkdir -p "$OUT"
[ -f "$OUT/key.pem" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/key.pem" 2>/dev/null
service() {
  LOGBOOK_DB_URL=jdbc:postgresql://localhost:5432/$DB LOGBOOK_ADMIN_USERNAME=admin LOGBOOK_ADMIN_PASSWORD=bench-admin \
    LOGBOOK_JWT_PRIVATE_KEY="$(cat "$OUT/key.pem")" PORT=$PORT MALLOC_ARENA_MAX=2 \
    exec java $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar >> "$OUT/service.log" 2>&1
}
: > "$OUT/service.log"
service &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true; untune' EXIT
for _ in $(seq 1 60); do curl -sf "$BASE/q/health/ready" >/dev/null && break; sleep 1; done
TOKEN=$(curl -s -d grant_type=password -d username=admin -d password=bench-admin "$BASE/api/v1/auth/token" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "bench: the service did not start, see $OUT/service.log" >&2; exit 1; }

if [ -z "$REUSE" ]; then
echo "== generating $N sessions into $OUT"
java bench/Generate.java --sessions "$N" --out "$OUT"
$PSQL -d $DB -c "\\copy organisation (id, name, type, municipality_code, member, created_at, updated_at) from '$OUT/organisations.csv' csv"

if [ "${BENCH_LOAD:-service}" = sql ]; then
  echo "== loading with SQL: COPY without the list indexes, then the rollups through rollup_apply, a month at a time"
  start=$(seconds)
  $PSQL -d $DB <<SQL
alter table youth_session disable trigger user;
create temp table list_indexes as select indexdef from pg_indexes where tablename = 'youth_session' and indexname <> 'youth_session_pkey';
do \$\$ declare i record; begin
  for i in select indexname from pg_indexes where tablename = 'youth_session' and indexname <> 'youth_session_pkey' loop
    execute format('drop index %I', i.indexname);
  end loop;
end \$\$;
\\copy youth_session ($(cat "$OUT/columns.txt")) from '$OUT/sessions.csv' csv
do \$\$ declare i record; begin
  for i in select indexdef from list_indexes loop execute i.indexdef; end loop;
end \$\$;
alter table youth_session enable trigger user;
do \$\$ declare m date; added youth_session[]; begin
  for m in select generate_series(date_trunc('month', min(held_on)), max(held_on), interval '1 month') from youth_session loop
    added := array(select s from youth_session s where s.held_on >= m and s.held_on < m + interval '1 month');
    perform rollup_apply(array[]::youth_session[], added);
    perform rollup_age_gender_apply(array[]::youth_session[], added);
  end loop;
end \$\$;
SQL
  # One transaction wrote each year's rollup row once a month; a service writing over years reuses that space.
  for t in rollup_organisation_year rollup_municipality_year rollup_municipality_year_age_gender rollup_organisation_country_year; do
    $PSQL -d $DB -c "vacuum full $t"
  done
  echo "loaded in $(echo "$(seconds) - $start" | bc) s"
  import_rate=
else
  echo "== import through the service (bin/import)"
  start=$(seconds)
  TOKEN=$TOKEN BASE_URL=$BASE bin/import "$OUT/sessions.ndjson" 2>/dev/null | cut -c1-100
  import_s=$(echo "$(seconds) - $start" | bc)
  import_rate=$(echo "$N / $import_s" | bc)
fi

echo "== PostgreSQL's own COPY of the same rows into a bare table (primary key and two indexes, no trigger)"
$PSQL -d $DB -c "create table bench_bare (like youth_session including defaults including generated)" \
  -c "alter table bench_bare add primary key (id)" \
  -c "create index on bench_bare (municipality_code, held_on)" -c "create index on bench_bare (organisation_id, held_on)"
if [ -n "$import_rate" ]; then
start=$(seconds)
$PSQL -d $DB -c "\\copy bench_bare ($(cat "$OUT/columns.txt")) from '$OUT/sessions.csv' csv"
copy_s=$(echo "$(seconds) - $start" | bc)
copy_rate=$(echo "$N / $copy_s" | bc)
echo "== PostgreSQL alone doing the service's write (row, indexes, foreign keys, rollup triggers, audit row) for"
echo "   the first $(( N < 200000 ? N : 200000 )) rows under new ids, rolled back: what the database work of an import costs by itself"
head -n 200000 "$OUT/sessions.csv" > "$OUT/sample.csv"
sample=$(wc -l < "$OUT/sample.csv")
cols=$(sed 's/, deleted_at$//' "$OUT/columns.txt")
start=$(seconds)
$PSQL -d $DB <<SQL
begin;
create temp table sample as select * from bench_bare with no data;
\\copy sample ($(cat "$OUT/columns.txt")) from '$OUT/sample.csv' csv
with inserted as (insert into youth_session ($cols) select gen_random_uuid(), $(echo "$cols" | cut -d, -f2-) from sample returning *)
insert into audit_entry (entity_type, entity_id, action, actor_name, actor_role, at)
select 'SESSION', i.id, 'CREATE', 'bench', 'ADMIN', now() from inserted i;
rollback;
SQL
write_s=$(echo "$(seconds) - $start" | bc)
write_rate=$(echo "$sample / $write_s" | bc)
fi
$PSQL -d $DB -c "vacuum analyze"
fi

year=$(date -d yesterday +%Y)
region=$($PSQL -d $DB -Atc "select m.region_code from youth_session s join municipality m on m.code = s.municipality_code
                            group by 1 order by count(*) desc limit 1")
municipality=$($PSQL -d $DB -Atc "select municipality_code from youth_session group by 1 order by count(*) desc limit 1")
echo "== overview latency over HTTP (1 client, 10 s each; busiest region $region and municipality $municipality)"
declare -A latency
for name in "national $((year - 1))" "national $((year - 5))-$((year - 1))" "regional $((year - 1))" "regional $((year - 5))-$((year - 1))" \
            "municipal $((year - 1))" "municipal $((year - 5))-$((year - 1))" "annual analysis $((year - 1))"; do
  case "$name" in
    national*) path="overviews/countries/SI" ;;
    regional*) path="overviews/regions/$region" ;;
    municipal*) path="overviews/municipalities/$municipality" ;;
    annual*) path="reports/annual-analysis?country=SI&year=$((year - 1))" ;;
  esac
  case "$name" in
    *-*) query="from=$((year - 5))-01-01&to=$((year - 1))-12-31" ;;
    annual*) query="" ;;
    *) query="from=$((year - 1))-01-01&to=$((year - 1))-12-31" ;;
  esac
  url="$BASE/api/v1/$path"
  [ -n "$query" ] && url="$url?$query"
  wrk -t1 -c1 -d5s -s bench/latency.lua -H "Authorization: Bearer $TOKEN" "$url" > /dev/null # warm-up, not counted
  latency[$name]=$(wrk -t1 -c1 -d10s -s bench/latency.lua -H "Authorization: Bearer $TOKEN" "$url" | tail -1)
  echo "$name: ${latency[$name]}"
done
# The national five years again, with the tag of its last answer: unchanged, so a 304 without reading the figures.
url="$BASE/api/v1/overviews/countries/SI?from=$((year - 5))-01-01&to=$((year - 1))-12-31"
# The tag depends on Accept: curl and wrk send the same one.
tag=$(curl -s -D - -o /dev/null -H "Accept: application/json" -H "Authorization: Bearer $TOKEN" "$url" | sed -n 's/^[Ee][Tt][Aa][Gg]: *\(.*\)\r$/\1/p')
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Accept: application/json" -H "Authorization: Bearer $TOKEN" -H "If-None-Match: $tag" "$url")" = 304 ] \
  || { echo "bench: the national overview answered no 304 to its own tag" >&2; exit 1; }
name="national $((year - 5))-$((year - 1)), unchanged: 304"
unchanged=(-H "Accept: application/json" -H "Authorization: Bearer $TOKEN" -H "If-None-Match: $tag")
wrk -t1 -c1 -d5s -s bench/latency.lua "${unchanged[@]}" "$url" > /dev/null
latency[$name]=$(WRK_EXPECT=304 wrk -t1 -c1 -d10s -s bench/latency.lua "${unchanged[@]}" "$url" | tail -1)
echo "$name: ${latency[$name]}"

echo "== POST /sessions, 8 clients for 20 s, beside pgbench's INSERT of the same row into the bare table"
# A thousand generated sessions without their ids, cycled: many centres logging at once, as in real use.
tail -n 1000 "$OUT/sessions.ndjson" | sed 's/"id":"[^"]*",//' > "$OUT/post.ndjson"
org=$(head -1 "$OUT/organisations.csv" | cut -d, -f1)
BODY_FILE=$OUT/post.ndjson TOKEN=$TOKEN wrk -t2 -c8 -d10s -s bench/post.lua "$BASE/api/v1/sessions" > /dev/null # warm-up
post=$(BODY_FILE=$OUT/post.ndjson TOKEN=$TOKEN wrk -t2 -c8 -d20s -s bench/post.lua "$BASE/api/v1/sessions" | tail -1)
echo "service: $post"
cat > "$OUT/insert.sql" <<SQL
insert into bench_bare (id, organisation_id, municipality_code, held_on, start_time, duration_minutes, title, methods, themes,
  setting, age15_19_female, age15_19_male, age20_24_other, participants_estimated, first_time_participants, unorganised_youth,
  fewer_opportunities, youth_workers, volunteers, youth_led, young_leaders, notes, created_at, updated_at)
values (gen_random_uuid(), '$org', 'SI-133', current_date - 10, '17:00', 120, 'Street outreach at the bus station', 5, 12,
  'PUBLIC_SPACE', 4, 6, 1, false, 3, 9, 2, 2, 1, false, 0, 'Two of the group asked about the summer job fair.', now(), now());
SQL
pgbench_tps=$(pgbench -h 127.0.0.1 -U postgres -n -c 8 -j 2 -T 20 -f "$OUT/insert.sql" $DB 2>/dev/null \
  | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | cut -d. -f1)
echo "== pgbench running the service's own SQL for one POST (bench/post.sql) on the real schema, for the same sessions"
$PSQL -d $DB -c "drop table if exists bench_post" -c "create table bench_post as select * from youth_session with no data"
tail -n 1000 "$OUT/sessions.csv" > "$OUT/post.csv"
$PSQL -d $DB -c "\\copy bench_post ($(cat "$OUT/columns.txt")) from '$OUT/post.csv' csv" \
  -c "alter table bench_post add column n serial primary key"
account=$($PSQL -d $DB -Atc "select id from account where login = 'admin'")
service_sql_tps=$(pgbench -h 127.0.0.1 -U postgres -n -M prepared -c 8 -j 2 -T 20 -D account=$account -D iat=$(date +%s) \
  -f bench/post.sql $DB 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | cut -d. -f1)
post_rate=$(echo "$post" | cut -d' ' -f1)
rss=$(ps -o rss= -p $SERVICE | awk '{printf "%d", $1 / 1024}')

echo "== start to ready: the packaged service started again on the migrated database"
kill $SERVICE; wait $SERVICE 2>/dev/null || true
start=$(seconds)
service &
SERVICE=$!
until curl -sf "$BASE/q/health/ready" >/dev/null; do sleep 0.05; done
ready_s=$(printf "%.1f" "$(echo "$(seconds) - $start" | bc)")

echo
echo "== summary ($N sessions)"
echo "| figure | service | PostgreSQL alone | ratio |"
echo "|---|---|---|---|"
if [ -n "${import_rate:-}" ]; then
  echo "| import, sessions/s | $import_rate | COPY $copy_rate | $(echo "scale=3; $import_rate / $copy_rate" | bc | sed "s/^\./0./") |"
  echo "| import, sessions/s | $import_rate | the same write in SQL $write_rate | $(echo "scale=3; $import_rate / $write_rate" | bc | sed "s/^\./0./") |"
fi
echo "| POST /sessions, 8 clients, per second | $post_rate | pgbench INSERT $pgbench_tps | $(echo "scale=3; $post_rate / $pgbench_tps" | bc | sed "s/^\./0./") |"
echo "| POST /sessions, 8 clients, per second | $post_rate | pgbench, the service's SQL $service_sql_tps | $(echo "scale=3; $post_rate / $service_sql_tps" | bc | sed "s/^\./0./") |"
for name in "${!latency[@]}"; do echo "| $name | ${latency[$name]} | | |"; done | sort
echo "| resident memory of the service | $rss MB | | |"
echo "| start to ready on the migrated database | $ready_s s | | |"
