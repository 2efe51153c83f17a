#!/usr/bin/env bash
# Starts a materialized product, the workbench or the headless one: the queue, sync and capture with data
# and settings in a per-user directory, and the console for its owner only: the terminal, when started from one,
# and a Unix domain socket in the data directory (./trackbench console). The workbench opens a console only when
# TRACKBENCH_CONSOLE=1. Nothing listens on TCP but the reference server: unless a server URL is configured
# (trackbench:config) or TRACKBENCH_SERVER_URL names one, it starts the reference server on loopback (port 8470,
# where sync looks by default) with a fresh token bound to that URL, and stops it on exit; an installed Trackbench
# (docs/install.md) has no reference server. The installation is only read: the OSGi configuration area is the
# user's too, with the product's own as its read-only parent. One instance per data directory.
#   run-product.sh <product directory> [extra Equinox arguments]
# TRACKBENCH_JAVA names the java to run on (the installed launchers set their own runtime's), else the PATH's;
# TRACKBENCH_CONSOLE_COMMAND how to reach the console from another terminal.
set -euo pipefail
# Everything Trackbench writes (queue, settings, logs, exports, the console socket) is its user's only.
umask 077

PRODUCT_DIR="$1"; shift
DATA_DIR="${TRACKBENCH_DATA:-${XDG_DATA_HOME:-$HOME/.local/share}/trackbench}"
SETTINGS_DIR="$DATA_DIR/settings"
LOG="$DATA_DIR/trackbench.log"
REFERENCE_URL="http://127.0.0.1:8470"
LAUNCHER=("$PRODUCT_DIR"/plugins/org.eclipse.equinox.launcher_*.jar)
# The source checkout's entry point, which can start the reference server; an installation has none.
CHECKOUT_SCRIPT="$(dirname "$0")/../../trackbench"
JAVA="${TRACKBENCH_JAVA:-$(command -v java || true)}"
if [[ -z "$JAVA" || ! -x "$JAVA" ]]; then
  echo "trackbench: no Java runtime found${TRACKBENCH_JAVA:+ at $TRACKBENCH_JAVA}: install JDK 17 or later, or use" \
    "the packages, which bring their own (docs/install.md)" >&2
  exit 2
fi

if [[ -n "${TRACKBENCH_TOKEN:-}" && -z "${TRACKBENCH_SERVER_URL:-}" ]]; then
  echo "trackbench: TRACKBENCH_TOKEN is used only with TRACKBENCH_SERVER_URL, the URL of the server it was issued" \
    "for (e.g. TRACKBENCH_SERVER_URL=https://track.example.com); it is never sent to any other server" >&2
  exit 2
fi
mkdir -p "$DATA_DIR"
# Fails, and so stops here, when the directory belongs to another user.
chmod 700 "$DATA_DIR"
# One instance per data directory: the lock is held by this script and the JVM (which inherits it) until both end,
# however they end.
exec 9>>"$DATA_DIR/instance.lock"
if ! flock -n 9; then
  echo "trackbench: another Trackbench ($(cat "$DATA_DIR/instance.pid" 2>/dev/null || echo "pid unknown")) is running" \
    "on $DATA_DIR; stop it, or give this one its own TRACKBENCH_DATA" >&2
  exit 1
fi
echo "pid $$" > "$DATA_DIR/instance.pid"

CONSOLE=()
SHELL_MODE=()
TERMINAL=()
if compgen -G "$PRODUCT_DIR/plugins/org.trackbench.ui_*.jar" >/dev/null && [[ "${TRACKBENCH_CONSOLE:-0}" != 1 ]]; then
  WHERE="none (start with TRACKBENCH_CONSOLE=1 for one)"
else
  CONSOLE=(-Dtrackbench.console=socket)
  WHERE="${TRACKBENCH_CONSOLE_COMMAND:-./trackbench console}"
  if [[ -t 0 ]]; then
    # Gogo's own shell serves the terminal; the product's default (--nointeractive) is for the socket's sessions.
    SHELL_MODE=(-Dgosh.args=--noshutdown)
    TERMINAL=(-console)
    WHERE="this terminal ('exit' stops Trackbench), or ${TRACKBENCH_CONSOLE_COMMAND:-./trackbench console} from another"
  fi
fi

# The reference server's token is handed over bound to its URL, and only once this run's own server listens
# there: were the port another program's, that program would get the token and the queue.
if [[ -f "$CHECKOUT_SCRIPT" && -z "${TRACKBENCH_SERVER_URL:-}" ]] \
    && ! grep -qs '^serverUrl=' "$SETTINGS_DIR/org/trackbench/sync.config"; then
  TRACKBENCH_SERVER_TOKEN="$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
  export TRACKBENCH_SERVER_TOKEN
  SERVER_LOG="$DATA_DIR/reference-server.log"
  "$CHECKOUT_SCRIPT" server --port "${REFERENCE_URL##*:}" --data "$DATA_DIR/reference-server" \
    > "$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  trap 'kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null' EXIT
  until grep -qs '^Reference server on' "$SERVER_LOG"; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "trackbench: the reference server did not start (is port ${REFERENCE_URL##*:} taken?):" >&2
      tail -3 "$SERVER_LOG" >&2
      exit 1
    fi
    sleep 0.1
  done
  export TRACKBENCH_SERVER_URL="$REFERENCE_URL" TRACKBENCH_TOKEN="$TRACKBENCH_SERVER_TOKEN"
  unset TRACKBENCH_SERVER_TOKEN
  echo "Reference server:   $REFERENCE_URL (log in $SERVER_LOG)"
fi
if [[ -n "${TRACKBENCH_SERVER_URL:-}" && "$TRACKBENCH_SERVER_URL" != "$REFERENCE_URL" ]] \
    && ! grep -qs '^serverUrl=' "$SETTINGS_DIR/org/trackbench/sync.config"; then
  echo "Note: the token is for $TRACKBENCH_SERVER_URL, but the sync sends to $REFERENCE_URL until told otherwise:"
  echo "  trackbench:config org.trackbench.sync serverUrl $TRACKBENCH_SERVER_URL"
fi
echo "Trackbench data:    $DATA_DIR (queue database in $DATA_DIR/queue, settings in $SETTINGS_DIR)"
echo "Trackbench log:     $LOG"
echo "Trackbench console: $WHERE"
if ((${#CONSOLE[@]})); then
  echo "  try: trackbench:start Writing docs   then   trackbench:status   and   trackbench:queue"
  echo "  all commands: help   (the Trackbench ones start with trackbench:)"
fi
# The JVM options of the product's launch configuration: its .product's vmArgs, which the build writes to eclipse.ini
# after -vmargs (heap limit, collector).
JVM_OPTIONS=()
if [[ -f "$PRODUCT_DIR/eclipse.ini" ]]; then
  mapfile -t JVM_OPTIONS < <(sed -n '/^-vmargs$/,$p' "$PRODUCT_DIR/eclipse.ini" | tail -n +2 | sed '/^[[:space:]]*$/d')
fi
# Class-data sharing: the first start records the classes it loaded (the JDK's and the bundles') in an archive in the
# data directory, and later starts map it instead of loading and verifying each class again. The archive belongs to
# one JDK build and one installation: another of either makes a new one. (JDK 19 and later do this by themselves with
# -XX:+AutoCreateSharedArchive.) The JVM's CDS warnings (classes it cannot archive) are not for the person.
JAVA_BIN="$(readlink -f "$JAVA")"
CDS_KEY="$( { cat "$(dirname "$(dirname "$JAVA_BIN")")/release" 2>/dev/null || true; echo "$PRODUCT_DIR"
  cat "$PRODUCT_DIR/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info" 2>/dev/null || true; } \
  | cksum | cut -d' ' -f1)"
CDS_ARCHIVE="$DATA_DIR/classes-$CDS_KEY.jsa"
# The archive extends the runtime's base archive: a runtime without one (jlink without --generate-cds-archive) goes
# without.
BASE_ARCHIVE="$(dirname "$(dirname "$JAVA_BIN")")/lib/server/classes.jsa"
if [[ -f "$BASE_ARCHIVE" && -f "$CDS_ARCHIVE" ]]; then
  JVM_OPTIONS+=(-XX:SharedArchiveFile="$CDS_ARCHIVE" -Xlog:cds=off,cds+dynamic=off)
elif [[ -f "$BASE_ARCHIVE" ]]; then
  rm -f "$DATA_DIR"/classes-*.jsa
  JVM_OPTIONS+=(-XX:ArchiveClassesAtExit="$CDS_ARCHIVE" -Xlog:cds=off,cds+dynamic=off)
fi
# The user's part of the installation, one per product: the OSGi configuration area (Equinox's bundle cache and
# locks) with the product's own as its read-only parent, and beside it what p2 keeps for the user (the plug-ins they
# installed, their profile).
APPLICATION="$(sed -n 's/^eclipse.application=//p' "$PRODUCT_DIR/configuration/config.ini")"
# Java runs as a child so that a SIGTERM or SIGINT to this script reaches it (its shutdown hook stops
# Trackbench in order) and the reference server is stopped after it. Standard input is passed on
# explicitly: a background job's would otherwise be /dev/null. AWT (the screenshot capture) must load the GTK 3
# that SWT loads: with two GTK versions in one process, GTK's start-up hangs.
# Exit code 23 (Equinox's restart, after an update) starts it again, under the same instance lock.
RESTART=23
status=$RESTART
while [[ "$status" == "$RESTART" ]]; do
  # The logger starts a fresh file each run; keep the previous run's log beside it.
  if [[ -f "$LOG" ]]; then mv "$LOG" "$LOG.1"; fi
  "$JAVA" "${JVM_OPTIONS[@]}" "${SHELL_MODE[@]}" "${CONSOLE[@]}" -Djdk.gtk.version=3 -Dfelix.cm.dir="$SETTINGS_DIR" \
    -Dorg.slf4j.simpleLogger.logFile="$LOG" -Dderby.stream.error.file="$DATA_DIR/derby.log" \
    -Dosgi.sharedConfiguration.area="$PRODUCT_DIR/configuration" -Dosgi.configuration.cascaded=true \
    -jar "${LAUNCHER[0]}" \
    -configuration "$DATA_DIR/install/$APPLICATION/configuration" \
    -data "$DATA_DIR" \
    "${TERMINAL[@]}" "$@" <&0 &
  JAVA_PID=$!
  trap 'kill -TERM "$JAVA_PID" 2>/dev/null' TERM INT
  status=0
  wait "$JAVA_PID" || status=$?
  # A trapped signal ends the first wait early; the second waits for the ordered shutdown to finish.
  wait "$JAVA_PID" 2>/dev/null || true
  if [[ "$status" == "$RESTART" ]]; then
    echo "Trackbench restarting (after an update)"
  fi
done
exit "$status"
