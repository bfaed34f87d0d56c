#!/usr/bin/env bash
# Copy the world outlines of npm's world-atlas (Natural Earth 1:110m countries as TopoJSON, ISC licence,
# the data public domain) into data/sources/world-atlas, from the npm registry's tarball. Run it to move to
# another version; scripts/build_world.py then builds eventwire/web/static/world.json from the copy.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-2.0.2}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "world-atlas@$version" >/dev/null && tar xzf "world-atlas-$version.tgz")
mkdir -p data/sources/world-atlas
cp "$tmp/package/countries-110m.json" "$tmp/package/LICENSE" "$tmp/package/package.json" data/sources/world-atlas/
echo "copied world-atlas $version into data/sources/world-atlas"
