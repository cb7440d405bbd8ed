#!/usr/bin/env bash
# Figures of the cluster (`make cluster`), all through the Varnish proxy:
#
#  1. a cached article against a static file, same proxy, same run (wrk);
#  2. an article rendered by the app servers (both, round robin; the proxy
#     and the page cache bypassed, the other caches warm);
#  3. publish-to-fresh over 20 publishes (bench/cluster_publish.py);
#  4. failed requests during each fault (the cluster tests, tests/cluster/).
#
#     bench/cluster.sh              # starts the cluster if it is not up
#     DURATION=10s bench/cluster.sh
#
# The machine's load (uptime) is printed beside each figure: the 2-core
# machine is shared. wrk is Debian's (cluster/cluster.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
export CLUSTER_DIR=${CLUSTER_DIR:-/tmp/sonla-cluster}
PROXY=http://127.0.0.1:${PROXY_PORT:-8170}
DURATION=${DURATION:-10s}
WRK="wrk -t2 -c16 -d$DURATION --latency"
UA="Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
PY=.venv/bin/python

curl -sf "$PROXY/healthz/" >/dev/null 2>&1 || cluster/cluster.sh start

load() { uptime | sed 's/.*load average: /load /'; }

article=$(source cluster/app.env && $PY manage.py shell -c "
from news.models import NewsPage
print(NewsPage.objects.live().filter(locale__language_code='vi').order_by('path').last().get_url())" | tail -1)
css=$(curl -s "$PROXY$article" | grep -o '/static/[^"]*\.css' | head -1)
curl -s -o /dev/null "$PROXY$article"; curl -s -o /dev/null "$PROXY$css"

rate() {  # rate LABEL URL [extra wrk args...]
    local label=$1 url=$2; shift 2
    local before out
    before=$(load)
    # A browser's headers: it takes gzip, which the proxy stores.
    out=$($WRK -H "User-Agent: $UA" -H "Accept-Encoding: gzip, deflate, br" "$@" "$url")
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr '\n' ' ' || true)
    echo "$label $rps" >> "$RATES"
    printf '%-34s %10s req/s  p50 %-8s p99 %-8s (%s → %s) %s\n' "$label" "$rps" "$p50" "$p99" "$before" "$(load)" "$errors"
}

RATES=$(mktemp)
ROUNDS=${ROUNDS:-3}
echo "== Through the proxy ($DURATION each, wrk -t2 -c16, $ROUNDS rounds taking turns; $(date -u '+%F %H:%M UTC')) =="
for round in $(seq "$ROUNDS"); do
    if [ $((round % 2)) = 1 ]; then
        rate "static" "$PROXY$css"; rate "article" "$PROXY$article"
    else
        rate "article" "$PROXY$article"; rate "static" "$PROXY$css"
    fi
done
awk '{sum[$1] += $2; n[$1]++} END {
    printf "mean: static file %.0f req/s, cached article %.0f req/s: article/static = %.2f (goal >= 0.8)\n",
        sum["static"]/n["static"], sum["article"]/n["article"], (sum["article"]/n["article"])/(sum["static"]/n["static"]) }' "$RATES"
rate "rendered" "$PROXY$article?bench=1" -H "X-Cache-Bypass: 1"
echo "(rendered: proxy and page cache bypassed, both app servers, 2 sync workers each)"
page_id=$(curl -s "$PROXY$article" | grep -o 'data-visits-src="[^"]*page=[0-9]*' | grep -o '[0-9]*$')
rate "figures (one counted view)" "$PROXY/vi/visits/figures/?page=$page_id"
echo "(figures: the small request each reader's browser makes, never cached; counted in Redis)"
rm -f "$RATES"

echo "== Publish to fresh (20 publishes, vi/en/lo in turn; $(load)) =="
(source cluster/app.env && $PY bench/cluster_publish.py "${PUBLISHES:-20}")

echo "== Failed requests during each fault (tests/cluster; $(load)) =="
$PY -m pytest -m cluster tests/cluster -q -s -p no:cacheprovider 2>&1 \
    | grep -E "requests, [0-9]+ failed|failed requests|visits:|old text sent|after the publish's answer|passed|failed" || true
echo "load after: $(load)"
