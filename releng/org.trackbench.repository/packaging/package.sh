#!/usr/bin/env bash
# Packages the materialized products for linux x86_64 as a self-contained application image with its own Java
# runtime (jlink), then as a .tar.gz and a .deb of the same image (installed under /opt/trackbench).
#   package.sh <products directory> <output directory> <version> <docs directory>
set -euo pipefail

PRODUCTS="$1"; OUT="$2"; VERSION="$3"; DOCS="$4"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PLATFORM="linux/gtk/x86_64"
# Debian orders 0.1.0~snapshot before 0.1.0, as Maven orders 0.1.0-SNAPSHOT.
DEB_VERSION="${VERSION/-SNAPSHOT/~snapshot}"
# What the bundles use of the JDK: all of Java SE (Derby, AWT for capture, JDBC, JMX, naming, XML), the crypto
# providers TLS needs, sun.misc.Unsafe, the zip file system, and every charset and locale a user may have.
MODULES="java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs,jdk.charsets,jdk.localedata,jdk.net"

IMAGE="$OUT/image/trackbench"
rm -rf "$OUT/image" "$OUT/deb"
mkdir -p "$IMAGE/bin" "$IMAGE/lib" "$IMAGE/doc"

# With the JDK's base class-data archive, so that run-product.sh can add the products' classes to it.
jlink --add-modules "$MODULES" --output "$IMAGE/runtime" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --generate-cds-archive
for product in headless workbench; do
  cp -a "$PRODUCTS/org.trackbench.$product.product/$PLATFORM" "$IMAGE/$product"
  # Only the configuration the build wrote: a product started in place (tests, ./trackbench run before the
  # configuration area moved to the user's data) leaves its bundle cache and logs there.
  find "$IMAGE/$product/configuration" -mindepth 1 -maxdepth 1 ! -name config.ini \
    ! -name org.eclipse.equinox.simpleconfigurator ! -name org.eclipse.update -exec rm -rf {} +
done
cp "$HERE/../run-product.sh" "$HERE/launch.sh" "$IMAGE/lib/"
ln -s ../lib/launch.sh "$IMAGE/bin/trackbench"
ln -s ../lib/launch.sh "$IMAGE/bin/trackbench-headless"
cp "$DOCS"/install.md "$DOCS"/headless.md "$DOCS"/plugins.md "$DOCS"/privacy.md "$IMAGE/doc/"
echo "$VERSION" > "$IMAGE/VERSION"
# Read-only for everyone but root: the products write nothing here (their state is each user's).
chmod -R a+rX,go-w "$IMAGE"

tar -C "$OUT/image" -czf "$OUT/trackbench-$VERSION-linux-x86_64.tar.gz" trackbench

ROOT="$OUT/deb"
mkdir -p "$ROOT/DEBIAN" "$ROOT/opt" "$ROOT/usr/bin" "$ROOT/usr/share/applications" \
  "$ROOT/usr/share/icons/hicolor/scalable/apps" "$ROOT/usr/share/man/man1" "$ROOT/usr/lib/systemd/user"
cp -a "$IMAGE" "$ROOT/opt/trackbench"
ln -s /opt/trackbench/bin/trackbench "$ROOT/usr/bin/trackbench"
ln -s /opt/trackbench/bin/trackbench-headless "$ROOT/usr/bin/trackbench-headless"
install -m 0644 "$HERE/trackbench.desktop" "$ROOT/usr/share/applications/trackbench.desktop"
install -m 0644 "$HERE/trackbench.svg" "$ROOT/usr/share/icons/hicolor/scalable/apps/trackbench.svg"
install -m 0644 "$HERE/trackbench-headless.service" "$ROOT/usr/lib/systemd/user/trackbench-headless.service"
gzip -9n < "$HERE/trackbench.1" > "$ROOT/usr/share/man/man1/trackbench.1.gz"
ln -s trackbench.1.gz "$ROOT/usr/share/man/man1/trackbench-headless.1.gz"
cat > "$ROOT/DEBIAN/control" <<CONTROL
Package: trackbench
Version: $DEB_VERSION
Architecture: amd64
Maintainer: Trackbench <trackbench@localhost>
Section: utils
Priority: optional
Installed-Size: $(du -sk "$ROOT" | cut -f1)
Depends: libc6, libgtk-3-0, libx11-6, libxext6, libxi6, libxrender1, libxtst6, util-linux
Description: offline-first time tracker that never loses a record
 Trackbench tracks working time and takes periodic screenshots; every record is
 committed to a durable local queue first and delivered to the tracking
 server's REST API in the background. An Eclipse RCP workbench and a headless
 product with a console, on their own Java runtime.
CONTROL
dpkg-deb --root-owner-group -Zgzip --build "$ROOT" "$OUT/trackbench_${DEB_VERSION}_amd64.deb" >/dev/null
echo "Packages in $OUT: trackbench-$VERSION-linux-x86_64.tar.gz, trackbench_${DEB_VERSION}_amd64.deb"
