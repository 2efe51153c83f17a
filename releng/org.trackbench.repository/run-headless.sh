#!/usr/bin/env bash
# Starts the materialized headless product: Equinox with the queue, data in a per-user directory.
#   run-headless.sh <product directory> [extra Equinox arguments]
set -euo pipefail

PRODUCT_DIR="$1"; shift
DATA_DIR="${TRACKBENCH_DATA:-${XDG_DATA_HOME:-$HOME/.local/share}/trackbench}"
CONSOLE_PORT="${TRACKBENCH_CONSOLE_PORT:-5555}"
LAUNCHER=("$PRODUCT_DIR"/plugins/org.eclipse.equinox.launcher_*.jar)

mkdir -p "$DATA_DIR"
chmod 700 "$DATA_DIR"
if [[ -t 0 ]]; then
  CONSOLE=(-console)
  WHERE="this terminal (type 'help'; 'exit' stops Trackbench)"
else
  CONSOLE=(-console "127.0.0.1:$CONSOLE_PORT")
  WHERE="telnet 127.0.0.1 $CONSOLE_PORT"
fi
echo "Trackbench data:    $DATA_DIR (queue database in $DATA_DIR/queue)"
echo "Trackbench console: $WHERE"
exec java -Dorg.slf4j.simpleLogger.showDateTime=true \
  -Dorg.slf4j.simpleLogger.dateTimeFormat="yyyy-MM-dd'T'HH:mm:ss.SSS" \
  -jar "${LAUNCHER[0]}" \
  -configuration "$PRODUCT_DIR/configuration" \
  -data "$DATA_DIR" \
  "${CONSOLE[@]}" "$@"
