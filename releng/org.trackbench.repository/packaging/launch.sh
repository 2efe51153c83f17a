#!/usr/bin/env bash
# The launchers of an installed Trackbench: `trackbench` starts the workbench, `trackbench-headless` the headless
# product; both run on the Java runtime inside the installation, so the machine needs no JDK. Everything they write
# is the user's: see --help.
set -euo pipefail

HOME_DIR="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
NAME="$(basename "$0")"
DATA="${TRACKBENCH_DATA:-${XDG_DATA_HOME:-$HOME/.local/share}/trackbench}"
PRODUCT="$HOME_DIR/workbench"
[[ "$NAME" == *headless* ]] && PRODUCT="$HOME_DIR/headless"

case "${1:-}" in
  -h|--help)
    cat <<USAGE
Usage: $NAME [--console | --version | --help] [Equinox arguments]

Starts Trackbench$([[ "$PRODUCT" == */headless ]] && echo " without a window (queue, sync and capture, a console)" || echo "'s workbench").
  --console   attach to the console of the Trackbench running on this user's data
  --version   print the installed version

Everything it writes is this user's own (mode 0700):
  $DATA
    queue/            the durable queue (Derby) and its encrypted screenshots
    settings/         the settings (trackbench:config, Preferences)
    configuration/    the OSGi configuration area of each product (a cache)
    trackbench.log    this run's log (trackbench.log.1: the previous run's)
  TRACKBENCH_DATA=<dir> puts it elsewhere; a second instance on the same directory is refused.

Environment:
  TRACKBENCH_SERVER_URL, TRACKBENCH_TOKEN   the tracking server and the access token it issued (kept in
                                            secure storage, never written in clear)
  TRACKBENCH_HEADLESS=1                     (trackbench) the headless product instead of the workbench

Documentation: $HOME_DIR/doc/install.md; man trackbench (the .deb).
USAGE
    exit 0 ;;
  --version)
    cat "$HOME_DIR/VERSION"
    exit 0 ;;
  --console)
    exec "$HOME_DIR/runtime/bin/java" -cp "$(compgen -G "$HOME_DIR/headless/plugins/org.trackbench.headless_*.jar" | head -1)" \
      org.trackbench.headless.internal.ConsoleClient "$DATA/console.sock" ;;
esac
if [[ "${TRACKBENCH_HEADLESS:-0}" == 1 || -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  PRODUCT="$HOME_DIR/headless"
fi
export TRACKBENCH_JAVA="$HOME_DIR/runtime/bin/java" TRACKBENCH_CONSOLE_COMMAND="$NAME --console"
exec "$HOME_DIR/lib/run-product.sh" "$PRODUCT" "$@"
