#!/usr/bin/env bash
# Load test of the production set-up: gunicorn (site_project/gunicorn.conf.py,
# 2 sync workers) on PostgreSQL and Redis, with 10,000 articles per language,
# driven by wrk on 127.0.0.1 (-t2 -c16 -d15s) with a browser's User-Agent, so
# every view is counted by the visit counter as a real one would be.
#
#     bench/load.sh                      # everything, about 15 minutes
#     PER_LANGUAGE=1000 bench/load.sh    # a smaller site
#     PER_LANGUAGE=0 bench/load.sh       # the demo content alone
#
# Reports, with the page cache off and then on: requests per second, p50 and
# p99 latency and the workers' CPU time per request, for the home page, the
# biggest section's listing, an article, three searches (Vietnamese "hội
# nghị", English "province", Lao "ແຂວງ", which is in every Lao article) and
# one static file; each search's rate beside the article's in the same run
# (goals: at least half of it on a cache miss, the same on a hit); the
# workers' peak memory (highest VmHWM of any worker, and PSS); what the first
# view of the home page and an article costs in each language in headless
# Chromium (bench/page_weight.py: bytes on the wire, CLS); and the cached
# article under the old worker recycling (every 2,000 requests) against the
# new (by memory), alternating in the same run.
#
#     LOAD_ONLY=workers bench/load.sh    # only that comparison
#     LOAD_ONLY=miss bench/load.sh       # only the page cache off (search on a cache miss)
#
# No proxy is in front, so HTML is compressed by the portal
# (DJANGO_COMPRESS_HTML=true) for the page weights; wrk asks for no
# compression, so the throughput figures are of plain answers.
#
# The database (LOAD_DB, default sonla_bench_load) is dropped and rebuilt
# unless KEEP_DATABASE=1 and it already holds the articles. Redis database
# LOAD_REDIS_URL (default redis://127.0.0.1:6379/6) is flushed between runs.
# wrk comes from Debian's package; run as root and it is installed if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PER_LANGUAGE=${PER_LANGUAGE:-10000}
PORT=${LOAD_PORT:-8106}
DB=${LOAD_DB:-sonla_bench_load}
PG=${LOAD_PG:-postgres://postgres@127.0.0.1:5432}
REDIS=${LOAD_REDIS_URL:-redis://127.0.0.1:6379/6}
DURATION=${LOAD_DURATION:-15s}
PY=.venv/bin/python
WORK=.local/bench-load
UA="Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
BASE=http://127.0.0.1:$PORT

if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y -q wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
    else
        echo "wrk is missing: sudo apt-get install wrk" >&2
        exit 1
    fi
fi

mkdir -p "$WORK/media" "$WORK/static"
export DJANGO_SETTINGS_MODULE=site_project.settings.production
DJANGO_SECRET_KEY=$($PY -c "import secrets; print(secrets.token_urlsafe(64))")
export DJANGO_SECRET_KEY
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL=$PG/$DB REDIS_URL=$REDIS
export DJANGO_MEDIA_ROOT=$PWD/$WORK/media DJANGO_STATIC_ROOT=$PWD/$WORK/static
export DJANGO_SECURE_SSL_REDIRECT=false WAGTAILADMIN_BASE_URL=$BASE
export DJANGO_EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend
export DJANGO_DEFAULT_FROM_EMAIL=portal@localhost
export PORTAL_AUTO_TRANSLATION_DRAFTS=false
export GUNICORN_BIND=127.0.0.1:$PORT GUNICORN_WORKERS=2 GUNICORN_ACCESS_LOG=$WORK/access.log
export DJANGO_COMPRESS_HTML=${DJANGO_COMPRESS_HTML:-true}

echo "== Load test: $PER_LANGUAGE articles per language, wrk -t2 -c16 -d$DURATION, $(nproc) cores =="
echo "   machine load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# -- the site ---------------------------------------------------------------------
fresh=1
if [ "${KEEP_DATABASE:-0}" = 1 ] && psql "$PG/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
    fresh=0
fi
if [ $fresh = 1 ]; then
    psql -q "$PG/postgres" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
fi
$PY manage.py compile_catalogues >/dev/null
$PY manage.py migrate --no-input -v0
$PY manage.py collectstatic --no-input -v0
((fresh))&&$PY manage.py load_demo_content>&2 
URLS=$($PY bench/load_site.py "$PER_LANGUAGE")
url() { $PY -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$URLS" "$1"; }
STATIC=$($PY -c "
import json; from pathlib import Path
manifest = json.loads(Path('$WORK/static/staticfiles.json').read_text())['paths']
print('/static/' + manifest['css/portal.css'])")
declare -A TARGET=(
    [home]=$(url home) [section]=$(url section) [article]=$(url article)
    [search]=$(url search) [search_en]=$(url search_en) [search_lo]=$(url search_lo) [static]=$STATIC
)
ORDER=(home section article search search_en search_lo static)
declare -A RPS CPU
echo "   database: $($PY -c "
import django; django.setup()
from django.db import connection
from news.models import NewsPage
with connection.cursor() as c:
    c.execute('SELECT pg_database_size(current_database())'); size = c.fetchone()[0]
print(f'{NewsPage.objects.live().count():,} live articles, {size / 2**20:,.0f} MiB')")"

# -- measuring helpers ------------------------------------------------------------
server_pid=
stop_server() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid"
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=
}
trap stop_server EXIT

start_server() {
    redis-cli -u "$REDIS" flushdb >/dev/null
    .venv/bin/gunicorn -c site_project/gunicorn.conf.py >>"$WORK/gunicorn.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 100); do
        curl -sf -o /dev/null "$BASE${TARGET[home]}" && return 0
        sleep 0.2
    done
    echo "gunicorn did not start; see $WORK/gunicorn.log" >&2
    exit 1
}

# CPU ticks of the server: master, live workers, and workers already replaced.
cpu_ticks() {
    local total=0 pid fields
    for pid in "$server_pid" $(pgrep -P "$server_pid"); do
        fields=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
        # After "(comm) ": utime is the 12th field, stime 13th, cutime 14th, cstime 15th.
        total=$((total + $(echo "$fields" | awk '{print $12 + $13 + $14 + $15}')))
    done
    echo "$total"
}

# Highest peak RSS (VmHWM) and current PSS of any worker, sampled until stopped.
sample_memory() {
    local peak=0 pss=0 pid value
    while [ -f "$WORK/sampling" ]; do
        for pid in $(pgrep -P "$server_pid"); do
            value=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
            [ "${value:-0}" -gt "$peak" ] && peak=$value
            value=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
            [ "${value:-0}" -gt "$pss" ] && pss=$value
        done
        sleep 0.5
    done
    echo "$peak $pss" >"$WORK/memory"
}

run_mode() {
    local mode=$1 name out rps p50 p99 errors requests ticks_before ticks_after
    echo
    echo "-- page cache $mode (PORTAL_PAGE_CACHE_SECONDS=$PORTAL_PAGE_CACHE_SECONDS) --"
    start_server
    touch "$WORK/sampling"
    sample_memory &
    local sampler=$!
    printf '   %-9s %9s %9s %9s %12s %8s  %s\n' page "req/s" "p50 ms" "p99 ms" "CPU ms/req" errors address
    for name in "${ORDER[@]}"; do
        for _ in 1 2 3; do curl -s -o /dev/null -A "$UA" "$BASE${TARGET[$name]}"; done
        ticks_before=$(cpu_ticks)
        out=$(wrk -t2 -c16 -d"$DURATION" --latency -H "User-Agent: $UA" "$BASE${TARGET[$name]}")
        ticks_after=$(cpu_ticks)
        rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
        requests=$(echo "$out" | awk '/requests in/ {print $1}')
        p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
        p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
        errors=$(echo "$out" | awk '/Non-2xx/ {print $NF} /Socket errors/ {print}' | tr '\n' ' ')
        RPS[$name]=$rps
        CPU[$name]=$($PY -c "print(f'{($ticks_after - $ticks_before) * 1000 / $(getconf CLK_TCK) / max(1, $requests):.2f}')")
        printf '   %-9s %9s %9s %9s %12s %8s  %s\n' "$name" "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" \
            "${CPU[$name]}" "${errors:-0}" "${TARGET[$name]}"
    done
    local goal="at least 0.50 on a cache miss"
    [ "$mode" = on ] && goal="about 1.00 on a cache hit"
    for name in search search_en search_lo; do
        awk -v n="$name" -v s="${RPS[$name]}" -v a="${RPS[article]}" -v g="$goal" \
            -v sc="${CPU[$name]}" -v ac="${CPU[article]}" 'BEGIN {
            printf "   %-9s %s req/s = %.2f of the article'"'"'s %s req/s (goal %s); CPU %s against %s ms/req\n",
                n, s, s / (a > 0 ? a : 1), a, g, sc, ac }'
    done
    rm -f "$WORK/sampling"
    wait "$sampler"
    read -r peak pss <"$WORK/memory"
    echo "   worker memory: peak RSS $((peak / 1024)) MiB, PSS $((pss / 1024)) MiB (highest of any worker)"
    if [ "$mode" = on ]; then
        echo "   first view of the demo home page and article in each language (bench/page_weight.py):"
        $PY bench/page_weight.py --site "$BASE"
    fi
    stop_server
}

# The cached article with gunicorn's old recycling (every 2,000 requests plus
# jitter) and the new (by memory, GUNICORN_MAX_WORKER_MEMORY_MB), alternating
# twice so that a change in the machine's load hits both.
compare_workers() {
    local round settings out rps p50 p99 booted_before booted_after
    echo
    echo "-- cached article: workers recycled every 2,000 requests (old) or by memory (new) --"
    printf '   %-34s %9s %9s %9s %9s  %s\n' settings "req/s" "p50 ms" "p99 ms" restarts "machine load"
    for round in 1 2; do
        for settings in old new; do
            if [ "$settings" = old ]; then
                export GUNICORN_MAX_REQUESTS=2000 GUNICORN_MAX_WORKER_MEMORY_MB=0
            else
                unset GUNICORN_MAX_REQUESTS GUNICORN_MAX_WORKER_MEMORY_MB
            fi
            booted_before=$(grep -c "Booting worker" "$WORK/gunicorn.log" 2>/dev/null || true)
            start_server
            for _ in 1 2 3; do curl -s -o /dev/null -A "$UA" "$BASE${TARGET[article]}"; done
            out=$(wrk -t2 -c16 -d"$DURATION" --latency -H "User-Agent: $UA" "$BASE${TARGET[article]}")
            stop_server
            booted_after=$(grep -c "Booting worker" "$WORK/gunicorn.log")
            rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
            p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
            p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
            printf '   %-34s %9s %9s %9s %9s  %s\n' \
                "$settings ($([ "$settings" = old ] && echo "max_requests 2000" || echo "memory limit 400 MiB"))" \
                "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" "$((booted_after - booted_before - GUNICORN_WORKERS))" \
                "$(cut -d' ' -f1-3 /proc/loadavg)"
        done
    done
    unset GUNICORN_MAX_REQUESTS GUNICORN_MAX_WORKER_MEMORY_MB
}

# wrk prints 1.23ms, 456.78us or 1.02s; the table shows milliseconds.
to_ms() {
    $PY -c "
import re, sys
value, unit = re.fullmatch(r'([\d.]+)(us|ms|s|m)', sys.argv[1]).groups()
print(f'{float(value) * {\"us\": 0.001, \"ms\": 1, \"s\": 1000, \"m\": 60000}[unit]:.1f}')" "$1"
}

if [ "${LOAD_ONLY:-}" != workers ]; then
    export PORTAL_PAGE_CACHE_SECONDS=0
    run_mode off
    if [ "${LOAD_ONLY:-}" != miss ]; then
        export PORTAL_PAGE_CACHE_SECONDS=300
        run_mode on
    fi
fi
if [ "${LOAD_ONLY:-}" != miss ]; then
    export PORTAL_PAGE_CACHE_SECONDS=300
    compare_workers
fi
echo
echo "   machine load after: $(cut -d' ' -f1-3 /proc/loadavg)"
