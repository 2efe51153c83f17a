#!/usr/bin/env bash
# Takes the screenshots in docs/images of the running workbench: Xvfb, the reference server with some requests
# refused (422), `./trackbench run` on a fresh data directory, a queue populated through the console, then a
# picture of the screen; then the refused items in Item details, a bulk retry's dry run and the Audit view after a
# bulk repair; the Progress view while the sync delivers a backlog from a slowed server; last, the Timesheet after the
# server's admin deleted an entry, the Fleet view once an admin token is stored, and the Tracker view's review strip.
# Needs Xvfb and the built products (./trackbench build).
#   releng/screenshots/take.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SCREEN=":93"
DATA="$(mktemp -d)"
TOKEN="$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
# Hex: the screenshot tool types only lowercase letters and digits.
ADMIN_TOKEN="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"

Xvfb "$SCREEN" -screen 0 1280x800x24 >/dev/null 2>&1 &
XVFB=$!
TRACKBENCH_SERVER_TOKEN="$TOKEN" TRACKBENCH_SERVER_ADMIN_TOKEN="$ADMIN_TOKEN" "$ROOT/trackbench" server --port 8470 --data "$DATA/server" >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill -TERM "${RUN:-}" "$SERVER" 2>/dev/null; sleep 3; kill "$XVFB" 2>/dev/null; rm -rf "$DATA"' EXIT

# Starts the workbench on $DATA (RUN is its pid) and waits until its window is up.
start_workbench() {
  DISPLAY="$SCREEN" TRACKBENCH_DATA="$DATA" TRACKBENCH_CONSOLE=1 TRACKBENCH_SERVER_URL=http://127.0.0.1:8470 \
    TRACKBENCH_TOKEN="$TOKEN" "$ROOT/trackbench" run </dev/null >"$DATA/run.out" 2>&1 &
  RUN=$!
  for _ in $(seq 1 120); do
    grep -qs "Trackbench workbench ready" "$DATA/trackbench.log" && break
    sleep 0.5
  done
}

start_workbench

# The Dashboard tab, opened first (once the window is up) so that its charts sample the queue while it fills.
sleep 4
DISPLAY="$SCREEN" java "$HERE/Screenshot.java" - 1280 800 95 41
# The server refuses a third of the requests (422), so the queue shows failures with their reasons and the
# items of the same time entry blocked behind them.
curl -sf -X PUT -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
  -d '{"errorRates":{"422":0.3}}' http://127.0.0.1:8470/admin/faults >/dev/null
{
  echo 'trackbench:config org.trackbench.capture intervalSeconds 2'
  echo 'trackbench:capture accept'
  for task in "Sync backoff review" "Derby log tuning" "Queue view paging" "Release notes" "Crash-cycle report"; do
    echo "trackbench:start -p \"Trackbench client\" -t \"$task\" \"$task\""
    echo 'trackbench:pause'
    echo 'trackbench:resume'
    echo 'trackbench:stop'
  done
  echo 'trackbench:start -p "Trackbench client" -t "Benchmarks" "Writing docs/performance.md"'
} | TRACKBENCH_DATA="$DATA" "$ROOT/trackbench" console >/dev/null
sleep 8
{
  echo 'trackbench:sync pause'
  echo 'trackbench:pause'
  echo 'trackbench:resume'
  echo "trackbench:enqueue note '{\"text\":\"No handler installed for notes: this one waits\"}'"
} | TRACKBENCH_DATA="$DATA" "$ROOT/trackbench" console >/dev/null
sleep 3
mkdir -p "$ROOT/docs/images"
sleep 12
DISPLAY="$SCREEN" java "$HERE/Screenshot.java" "$ROOT/docs/images/dashboard.png" 1280 800
# Back to the Queue tab; the click on the third row selects it, so Item details shows it.
DISPLAY="$SCREEN" java "$HERE/Screenshot.java" - 1280 800 25 41
DISPLAY="$SCREEN" java "$HERE/Screenshot.java" - 1280 800 747 81
DISPLAY="$SCREEN" java "$HERE/Screenshot.java" "$ROOT/docs/images/workbench.png" 1280 800 140 195
# Repair: the Queue view filtered to what the server refused (their error says so), the first row selected: Item
# details is an editor.
DISPLAY="$SCREEN" java "$HERE/Screenshot.java" - 1280 800 530 81 "fault injected"
DISPLAY="$SCREEN" java "$HERE/Screenshot.java" "$ROOT/docs/images/repair.png" 1280 800 140 149
# A bulk retry over that filter: Queue > Retry all matching…, and the dry run it asks about; Escape cancels it.
DISPLAY="$SCREEN" java "$HERE/Screenshot.java" - 1280 800 67 12
DISPLAY="$SCREEN" java "$HERE/Screenshot.java" "$ROOT/docs/images/bulk.png" 1280 800 133 138
DISPLAY="$SCREEN" java "$HERE/Screenshot.java" - 1280 800 640 400 ESC
# The Audit tab after a bulk repair at the console (the refused items get a project and are retried), then the
# Queue tab again, its search cleared.
echo "trackbench:setfield -e \"fault injected\" --yes project '\"Trackbench client\"'" \
  | TRACKBENCH_DATA="$DATA" "$ROOT/trackbench" console >/dev/null
DISPLAY="$SCREEN" java "$HERE/Screenshot.java" "$ROOT/docs/images/audit.png" 1280 800 150 41
DISPLAY="$SCREEN" java "$HERE/Screenshot.java" - 1280 800 25 41
# The Progress view while the sync delivers a backlog: answers slowed to 400 ms (and no more refusals), 160
# events queued while the sync is paused, the Progress tab opened, then the sync resumed.
curl -sf -X PUT -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
  -d '{"latencyMs":400}' http://127.0.0.1:8470/admin/faults >/dev/null
{
  echo 'trackbench:stop'
  for i in $(seq 1 40); do
    echo "trackbench:start \"Backlog $i\""
    echo 'trackbench:pause'
    echo 'trackbench:resume'
    echo 'trackbench:stop'
  done
} | TRACKBENCH_DATA="$DATA" "$ROOT/trackbench" console >/dev/null
DISPLAY="$SCREEN" java "$HERE/Screenshot.java" - 1280 800 947 444
echo 'trackbench:sync resume' | TRACKBENCH_DATA="$DATA" "$ROOT/trackbench" console >/dev/null
sleep 3
DISPLAY="$SCREEN" java "$HERE/Screenshot.java" "$ROOT/docs/images/progress.png" 1280 800
# The Timesheet once the backlog is delivered and the server's admin deleted one of the day's entries.
ENTRY="$(echo 'trackbench:start "Deleted on the server"' | TRACKBENCH_DATA="$DATA" "$ROOT/trackbench" console \
  | grep -o 'entry [0-9a-f-]\{36\}' | cut -d' ' -f2)"
echo 'trackbench:stop' | TRACKBENCH_DATA="$DATA" "$ROOT/trackbench" console >/dev/null
sleep 15
curl -sf -X DELETE -H "Authorization: Bearer $ADMIN_TOKEN" "http://127.0.0.1:8470/api/v1/admin/time-entries/$ENTRY" >/dev/null
DISPLAY="$SCREEN" java "$HERE/Screenshot.java" "$ROOT/docs/images/timesheet.png" 1280 800 210 41
# The Fleet: two other clients report (one holding two days of unsent items, one with failures and a clock off), the
# admin token is stored, and the workbench, started again, shows the Fleet view.
report() {
  curl -sf -X PUT -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -d "$2" \
    "http://127.0.0.1:8470/api/v1/clients/$1/health" >/dev/null
}
NOW="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
report 7c1e0d52-laptop "{\"clientId\":\"7c1e0d52-laptop\",\"productVersion\":\"0.1.0\",\"osUser\":\"casey\",\"hostName\":\"laptop-7\",\"queue\":{\"pending\":214,\"failed\":0,\"sent\":1830},\"oldestUnsentAt\":\"$(date -u -d '2 days ago' +%Y-%m-%dT%H:%M:%SZ)\",\"unsentBlobBytes\":48000000,\"syncState\":\"offline\",\"trackerState\":\"running\",\"clockOffsetMs\":1200,\"healthIntervalSeconds\":60,\"reportedAt\":\"$NOW\"}"
report 3fa4b1c9-reception "{\"clientId\":\"3fa4b1c9-reception\",\"productVersion\":\"0.1.0\",\"osUser\":\"sam\",\"hostName\":\"reception-pc\",\"queue\":{\"pending\":0,\"failed\":3,\"sent\":960},\"lastError\":\"HTTP 422: unknown project\",\"syncState\":\"online\",\"trackerState\":\"idle\",\"clockOffsetMs\":312000,\"healthIntervalSeconds\":60,\"reportedAt\":\"$NOW\"}"
echo "trackbench:login --admin $ADMIN_TOKEN" | TRACKBENCH_DATA="$DATA" "$ROOT/trackbench" console >/dev/null
kill -TERM "$RUN"
wait "$RUN" || true
mv "$DATA/trackbench.log" "$DATA/trackbench.log.first"
start_workbench
sleep 6
DISPLAY="$SCREEN" java "$HERE/Screenshot.java" "$ROOT/docs/images/fleet.png" 1280 800 272 41
# The Tracker view, maximized, with the screenshots of a new entry still in their review window (the workbench holds
# each for two minutes): the review strip with its Delete buttons.
echo 'trackbench:start -p "Trackbench client" "Reviewing screenshots"' | TRACKBENCH_DATA="$DATA" "$ROOT/trackbench" console >/dev/null
sleep 7
DISPLAY="$SCREEN" java "$HERE/Screenshot.java" "$ROOT/docs/images/review.png" 1280 800 1254 41
echo "wrote docs/images/workbench.png, dashboard.png, repair.png, bulk.png, audit.png, progress.png, timesheet.png, fleet.png and review.png"
