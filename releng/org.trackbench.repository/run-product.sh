#!/usr/bin/env bash
# Starts a materialized product, the workbench or the headless one: the queue, sync and capture with data
# and settings in a per-user directory, and the Gogo console. Unless a server URL is configured (trackbench:config) or
# TRACKBENCH_TOKEN names a token for a real server, it also starts the reference server on loopback (port
# 8470, where sync looks by default) with a fresh token, and stops it on exit.
#   run-headless.sh <product directory> [extra Equinox arguments]
set -euo pipefail
# Everything Trackbench writes (queue, settings, logs, exports) is its user's only.
umask 077

PRODUCT_DIR="$1"; shift
DATA_DIR="${TRACKBENCH_DATA:-${XDG_DATA_HOME:-$HOME/.local/share}/trackbench}"
SETTINGS_DIR="$DATA_DIR/settings"
LOG="$DATA_DIR/trackbench.log"
CONSOLE_PORT="${TRACKBENCH_CONSOLE_PORT:-5555}"
LAUNCHER=("$PRODUCT_DIR"/plugins/org.eclipse.equinox.launcher_*.jar)

mkdir -p "$DATA_DIR"
chmod 700 "$DATA_DIR"
# The logger starts a fresh file each run; keep the previous run's log beside it.
[[ -f "$LOG" ]] && mv "$LOG" "$LOG.1"
if [[ -t 0 ]]; then
  # Gogo's own shell serves the terminal; the product's default (--nointeractive) is for telnet.
  SHELL_MODE=(-Dgosh.args=--noshutdown)
  CONSOLE=(-console)
  WHERE="this terminal ('exit' stops Trackbench)"
else
  SHELL_MODE=()
  CONSOLE=(-console "127.0.0.1:$CONSOLE_PORT")
  WHERE="telnet 127.0.0.1 $CONSOLE_PORT"
fi
if [[ -z "${TRACKBENCH_TOKEN:-}" ]] && ! grep -qs '^serverUrl=' "$SETTINGS_DIR/org/trackbench/sync.config"; then
  TRACKBENCH_SERVER_TOKEN="$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
  export TRACKBENCH_SERVER_TOKEN TRACKBENCH_TOKEN="$TRACKBENCH_SERVER_TOKEN"
  "$(dirname "$0")/../../trackbench" server --port 8470 --data "$DATA_DIR/reference-server" \
    > "$DATA_DIR/reference-server.log" 2>&1 &
  SERVER_PID=$!
  trap 'kill "$SERVER_PID" 2>/dev/null' EXIT
  echo "Reference server:   http://127.0.0.1:8470 (log in $DATA_DIR/reference-server.log)"
fi
echo "Trackbench data:    $DATA_DIR (queue database in $DATA_DIR/queue, settings in $SETTINGS_DIR)"
echo "Trackbench log:     $LOG"
echo "Trackbench console: $WHERE"
echo "  try: trackbench:start Writing docs   then   trackbench:status   and   trackbench:queue"
echo "  all commands: help   (the Trackbench ones start with trackbench:)"
# Java runs as a child so that a SIGTERM or SIGINT to this script reaches it (its shutdown hook stops
# Trackbench in order) and the reference server is stopped after it. Standard input is passed on
# explicitly: a background job's would otherwise be /dev/null. AWT (the screenshot capture) must load the GTK 3
# that SWT loads: with two GTK versions in one process, GTK's start-up hangs.
java "${SHELL_MODE[@]}" -Djdk.gtk.version=3 -Dfelix.cm.dir="$SETTINGS_DIR" -Dorg.slf4j.simpleLogger.logFile="$LOG" \
  -jar "${LAUNCHER[0]}" \
  -configuration "$PRODUCT_DIR/configuration" \
  -data "$DATA_DIR" \
  "${CONSOLE[@]}" "$@" <&0 &
JAVA_PID=$!
trap 'kill -TERM "$JAVA_PID" 2>/dev/null' TERM INT
status=0
wait "$JAVA_PID" || status=$?
# A trapped signal ends the first wait early; the second waits for the ordered shutdown to finish.
wait "$JAVA_PID" 2>/dev/null || true
exit "$status"
