#!/usr/bin/env bash
# Debian packages Viitta needs: Voikko (Finnish morphology for spaCy's Finnish
# pipeline and the municipality resolver), Chromium (the browser tests drive it with
# Playwright; Playwright's own browser download does not work offline) and nginx-light (the example
# reverse proxy of SECURITY.md is started by tests/unit/test_reverse_proxy.py). Installs only what is missing.
set -euo pipefail
needed=(libvoikko1 voikko-fi chromium nginx-light)
missing=()
for pkg in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
command -v npm >/dev/null || missing+=(npm)  # axe-core for the widget's accessibility test
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
  echo "Please install as root: apt-get install -y ${missing[*]}" >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends "${missing[@]}" || {
  $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends "${missing[@]}"; }
