#!/usr/bin/env bash
# Rasterize country flags for the pavilions into assets/flags/<code>.png.
#
# Source: the npm package `flag-icons` (MIT), 4:3 SVGs in flags/4x3/.
# Output: 320x240 PNGs, plus LICENSE-flag-icons.txt (the package's LICENSE,
# verbatim). Re-runnable; needs npm and rsvg-convert (Debian: librsvg2-bin);
# optipng (Debian: optipng) is used when present.
#
# Usage:
#   docs/tools/make-flags.sh                 # version pinned below
#   FLAG_ICONS_VERSION=7.5.0 docs/tools/make-flags.sh
#   docs/tools/make-flags.sh cn ru           # only these codes
set -euo pipefail

VERSION="${FLAG_ICONS_VERSION:-7.5.0}"
CODES=(cn ru kz kg tj uz in pk af by ir mn am az kh np lk tr)
if [ "$#" -gt 0 ]; then CODES=("$@"); fi

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$REPO/assets/flags"
mkdir -p "$OUT"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

(cd "$TMP" && npm pack --silent "flag-icons@$VERSION" >/dev/null)
tar -xzf "$TMP"/flag-icons-*.tgz -C "$TMP"
PKG="$TMP/package"

cp "$PKG/LICENSE" "$OUT/LICENSE-flag-icons.txt"

for code in "${CODES[@]}"; do
  svg="$PKG/flags/4x3/$code.svg"
  png="$OUT/$code.png"
  [ -f "$svg" ] || { echo "missing $svg" >&2; exit 1; }
  rsvg-convert -w 320 -h 240 -f png -o "$png" "$svg"
  if command -v optipng >/dev/null; then optipng -quiet -o5 -strip all "$png"; fi
  echo "$png ($(stat -c %s "$png") bytes)"
done
echo "flag-icons $VERSION"
