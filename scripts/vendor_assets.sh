#!/usr/bin/env bash
# Copy the built front-end files we serve from node_modules into static/vendor/.
# Run after `npm ci`; the target folder is git-ignored and rebuilt from the lockfile.
# No bundler, no CDN: these files are served from our own origin (strict CSP).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NM="$ROOT/node_modules"
DEST="$ROOT/src/huishoudboekje/static/vendor"

if [[ ! -d "$NM" ]]; then
  echo "vendor_assets: $NM ontbreekt; voer eerst 'npm ci' uit" >&2
  exit 1
fi

copy() {  # copy SRC DEST_RELATIVE
  local src="$NM/$1" dst="$DEST/$2"
  if [[ ! -f "$src" ]]; then
    echo "vendor_assets: bestand ontbreekt: $src" >&2
    exit 1
  fi
  mkdir -p "$(dirname "$dst")"
  cp "$src" "$dst"
}

rm -rf "$DEST"
mkdir -p "$DEST"

# NL Design System: Utrecht component CSS (all components in one file) and the
# "voorbeeld" theme tokens (class .voorbeeld-theme on <body>).
copy "@utrecht/component-library-css/dist/index.css" "utrecht/component-library.css"
copy "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css" "voorbeeld-design-tokens/theme.css"

# htmx 2 (partial page updates) and axe-core (accessibility checks in browser tests).
copy "htmx.org/dist/htmx.min.js" "htmx/htmx.min.js"
copy "axe-core/axe.min.js" "axe-core/axe.min.js"

# Licences travel with the code we redistribute.
for pkg in "@utrecht/component-library-css" "@nl-design-system-unstable/voorbeeld-design-tokens" "htmx.org" "axe-core"; do
  for lic in LICENSE LICENSE.md LICENSE.txt; do
    if [[ -f "$NM/$pkg/$lic" ]]; then
      mkdir -p "$DEST/licenses"
      cp "$NM/$pkg/$lic" "$DEST/licenses/$(echo "$pkg" | tr '/@' '__')-$lic"
      break
    fi
  done
done

echo "vendor_assets: bestanden gekopieerd naar ${DEST#"$ROOT"/}"
