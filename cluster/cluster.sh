#!/usr/bin/env bash
# The portal's multi-machine topology on one machine, each engine on its own
# port as if on its own machine (docs/deploy.md):
#
#   Varnish :8170 ──► gunicorn app1 :8171, app2 :8172 (production settings)
#                      ├─► PostgreSQL primary :5440 ──streaming──► replica :5441
#                      ├─► Redis :6390 (caches, sessions, visit counts)
#                      └─► S3-compatible object store :8190 (moto; media)
#
#   cluster/cluster.sh start     build what is missing, start everything
#   cluster/cluster.sh stop      stop what start started (by recorded PIDs)
#   cluster/cluster.sh status
#   cluster/cluster.sh start-one|stop-one NAME   (app1 app2 replica redis ...)
#
# State (data directories, logs, PIDs) lives in $CLUSTER_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CLUSTER_DIR=${CLUSTER_DIR:-/tmp/sonla-cluster}
export PROXY_PORT=${PROXY_PORT:-8170} APP1_PORT=${APP1_PORT:-8171} APP2_PORT=${APP2_PORT:-8172}
export VARNISH_ADMIN_PORT=${VARNISH_ADMIN_PORT:-8179} S3_PORT=${S3_PORT:-8190}
export REDIS_PORT=${REDIS_PORT:-6390} PG_PRIMARY_PORT=${PG_PRIMARY_PORT:-5440} PG_REPLICA_PORT=${PG_REPLICA_PORT:-5441}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PY=$ROOT/.venv/bin/python
PIDS=$CLUSTER_DIR/pids
LOGS=$CLUSTER_DIR/logs

log() { printf '%s cluster: %s\n' "$(date +%T)" "$*" >&2; }

# PostgreSQL refuses to run as root: run its tools as the postgres user then.
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_packages() {
    local missing=()
    command -v varnishd >/dev/null 2>&1 || [ -x /usr/sbin/varnishd ] || missing+=(varnish)
    command -v wrk >/dev/null 2>&1 || missing+=(wrk)
    command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
    [ -x "$PGBIN/pg_basebackup" ] || missing+=(postgresql-15)
    [ ${#missing[@]} = 0 ] && return
    if [ "$(id -u)" != 0 ]; then
        log "install first: sudo apt-get install ${missing[*]}"; exit 1
    fi
    log "installing ${missing[*]} (Debian packages)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

pid_of() { [ -s "$PIDS/$1" ] && cat "$PIDS/$1"; }
alive() { local pid; pid=$(pid_of "$1") && kill -0 "$pid" 2>/dev/null; }

wait_for() {  # wait_for NAME SECONDS COMMAND...
    local name=$1 seconds=$2; shift 2
    local until=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        [ $SECONDS -lt $until ] || { log "$name did not come up; see $LOGS"; exit 1; }
        sleep 0.2
    done
}

pg_data() { echo "$CLUSTER_DIR/pg-$1"; }

start_pg() {  # start_pg primary|replica
    local name=$1 port
    [ "$name" = primary ] && port=$PG_PRIMARY_PORT || port=$PG_REPLICA_PORT
    alive "$name" && return
    as_pg "$PGBIN/pg_ctl" -D "$(pg_data "$name")" -l "$LOGS/$name.log" -o "-p $port -k /tmp" -w start >/dev/null
    head -1 "$(pg_data "$name")/postmaster.pid" > "$PIDS/$name"
    wait_for "$name" 30 "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$port"
}

init_pg() {
    local primary replica
    primary=$(pg_data primary) replica=$(pg_data replica)
    if [ ! -s "$primary/PG_VERSION" ]; then
        log "initdb primary ($primary)"
        mkdir -p "$primary"; chmod 700 "$primary"
        [ "$(id -u)" = 0 ] && chown postgres: "$primary"
        as_pg "$PGBIN/initdb" -D "$primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
        cat "$ROOT/cluster/postgresql-primary.conf" >> "$primary/postgresql.conf"
        cp "$ROOT/cluster/pg_hba.conf" "$primary/pg_hba.conf"
    fi
    start_pg primary
    if ! "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='sonla'" | grep -q 1; then
        "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U postgres sonla
    fi
    if [ ! -s "$replica/PG_VERSION" ]; then
        log "pg_basebackup replica ($replica)"
        mkdir -p "$replica"; chmod 700 "$replica"
        [ "$(id -u)" = 0 ] && chown postgres: "$replica"
        "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U postgres -qtAc \
            "SELECT pg_create_physical_replication_slot('replica1') WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = 'replica1')" >/dev/null
        as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U postgres -D "$replica" \
            -R -X stream -S replica1 --checkpoint=fast
        as_pg sh -c "cat '$ROOT/cluster/postgresql-replica.conf' >> '$replica/postgresql.conf'"
    fi
}

start_redis() {
    alive redis && return
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
        --dir "$CLUSTER_DIR" --logfile "$LOGS/redis.log" --daemonize yes --pidfile "$PIDS/redis"
    wait_for redis 10 redis-cli -p "$REDIS_PORT" ping
}

start_s3() {
    alive s3 && return
    setsid "$ROOT/.venv/bin/moto_server" -H 127.0.0.1 -p "$S3_PORT" > "$LOGS/s3.log" 2>&1 < /dev/null &
    echo $! > "$PIDS/s3"
    wait_for s3 30 curl -sf "http://127.0.0.1:$S3_PORT/"
    # Each fresh moto server starts empty: make the bucket, readable by anyone.
    (source "$ROOT/cluster/app.env"; "$PY" - <<'PYEOF'
import json, os, boto3
s3 = boto3.client("s3", endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"], region_name=os.environ["AWS_S3_REGION_NAME"])
bucket = os.environ["AWS_STORAGE_BUCKET_NAME"]
if bucket not in [b["Name"] for b in s3.list_buckets()["Buckets"]]:
    s3.create_bucket(Bucket=bucket)
s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{bucket}/*"}]}))
PYEOF
    )
}

manage() { (source "$ROOT/cluster/app.env"; "$PY" manage.py "$@"); }

prepare_site() {
    [ -f "$ROOT/locale/vi/LC_MESSAGES/django.mo" ] || "$PY" manage.py compile_catalogues
    log "collectstatic and migrate"
    manage collectstatic --no-input --verbosity 0 &
    local static=$!
    manage migrate --no-input --verbosity 0
    wait "$static"
    if [ ! -e "$CLUSTER_DIR/site-ready" ]; then
        log "demo content (first start only)"
        # Nothing to purge yet: the proxy starts after the content is in.
        CLUSTER_NO_PURGE=1 manage load_demo_content >/dev/null
        PORTAL_ADMIN_PASSWORD=${PORTAL_ADMIN_PASSWORD:-cluster-admin-password} manage create_local_admin >/dev/null
        touch "$CLUSTER_DIR/site-ready"
    fi
}

start_app() {  # start_app app1|app2
    local name=$1 port
    [ "$name" = app1 ] && port=$APP1_PORT || port=$APP2_PORT
    alive "$name" && return
    (source "$ROOT/cluster/app.env"
     GUNICORN_BIND=127.0.0.1:$port setsid "$ROOT/.venv/bin/gunicorn" -c site_project/gunicorn.conf.py \
        --pid "$PIDS/$name.gunicorn" > "$LOGS/$name.log" 2>&1 < /dev/null &
     echo $! > "$PIDS/$name")
    wait_for "$name" 60 curl -sf "http://127.0.0.1:$port/healthz/"
}

start_varnish() {
    alive varnish && return
    mkdir -p "$CLUSTER_DIR/varnish"
    # -F keeps varnishd in the foreground so that the PID recorded is its own.
    setsid /usr/sbin/varnishd -F -a "127.0.0.1:$PROXY_PORT" -T "127.0.0.1:$VARNISH_ADMIN_PORT" \
        -f "$ROOT/cluster/varnish.vcl" -n "$CLUSTER_DIR/varnish" -s malloc,128m \
        -p default_ttl=120 -p thread_pool_min=20 > "$LOGS/varnish.log" 2>&1 < /dev/null &
    echo $! > "$PIDS/varnish"
    wait_for varnish 30 curl -sf "http://127.0.0.1:$PROXY_PORT/healthz/"
}

start_one() {
    case $1 in
        primary|replica) start_pg "$1" ;;
        redis) start_redis ;;
        s3) start_s3 ;;
        app1|app2) start_app "$1" ;;
        varnish) start_varnish ;;
        *) log "unknown part $1"; exit 2 ;;
    esac
}

stop_one() {  # stop_one NAME [signal]
    local name=$1 pid
    pid=$(pid_of "$name") || return 0
    case $name in
        primary|replica)
            as_pg "$PGBIN/pg_ctl" -D "$(pg_data "$name")" -m fast -w stop >/dev/null 2>&1 || true ;;
        app1|app2)
            # The whole process group: the master and its workers.
            kill -"${2:-TERM}" -- "-$pid" 2>/dev/null || kill -"${2:-TERM}" "$pid" 2>/dev/null || true ;;
        *)
            kill -"${2:-TERM}" "$pid" 2>/dev/null || true ;;
    esac
    local until=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $until ]; do sleep 0.1; done
    rm -f "$PIDS/$name" "$PIDS/$name.gunicorn"
}

start() {
    install_packages
    mkdir -p "$PIDS" "$LOGS" "$CLUSTER_DIR/media"
    [ "$(id -u)" = 0 ] && chown postgres: "$LOGS" "$CLUSTER_DIR" 2>/dev/null && chmod 755 "$CLUSTER_DIR" || true
    chmod 777 "$LOGS"
    [ -s "$CLUSTER_DIR/secret-key" ] || "$PY" -c "import secrets; print(secrets.token_urlsafe(64))" > "$CLUSTER_DIR/secret-key"
    start_redis
    start_s3 & local s3=$!
    init_pg
    start_pg replica
    wait "$s3"
    prepare_site
    start_app app1 & local first=$!
    start_app app2
    wait "$first"
    start_varnish
    log "up: proxy http://127.0.0.1:$PROXY_PORT/ (state in $CLUSTER_DIR)"
}

stop() {
    for name in varnish app1 app2 s3 redis replica primary; do stop_one "$name"; done
    log "stopped"
}

status() {
    for name in varnish app1 app2 s3 redis replica primary; do
        if alive "$name"; then echo "$name up (pid $(pid_of "$name"))"; else echo "$name down"; fi
    done
}

case ${1:-} in
    start) start ;;
    stop) stop ;;
    status) status ;;
    start-one) start_one "$2" ;;
    stop-one) stop_one "$2" "${3:-TERM}" ;;
    destroy) stop; rm -rf "$CLUSTER_DIR" ;;
    *) echo "usage: $0 start|stop|status|destroy|start-one NAME|stop-one NAME [SIGNAL]" >&2; exit 2 ;;
esac
