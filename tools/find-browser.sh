#!/usr/bin/env bash
# Prints the path of a Chromium-family browser for the browser tests. Installs Debian's
# chromium when it can (as root with apt-get); otherwise says in one sentence what to do.
set -euo pipefail
find_browser() {
  for candidate in "${CHROMIUM:-}" chromium chromium-browser google-chrome google-chrome-stable; do
    [ -n "$candidate" ] || continue
    path=$(command -v "$candidate" 2>/dev/null || true)
    if [ -n "$path" ]; then echo "$path"; return 0; fi
  done
  return 1
}
if find_browser; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get > /dev/null; then
  echo "Chromium ontbreekt; het wordt nu geïnstalleerd met apt-get." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  if find_browser; then exit 0; fi
fi
echo "Er is geen Chromium gevonden: installeer het pakket 'chromium' (Debian/Ubuntu: sudo apt-get install chromium) of zet CHROMIUM=/pad/naar/chromium." >&2
exit 1
