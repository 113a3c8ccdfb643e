#!/usr/bin/env bash
# Debian packages, installing only what is missing.
#   scripts/system-packages.sh          what Viitta needs to run (`make install`, `make run`): Voikko (Finnish
#                                        morphology for spaCy's Finnish pipeline and the municipality resolver)
#   scripts/system-packages.sh test     what only the tests need (`make install-test`, `make test`): Chromium
#                                        (the browser tests drive it with Playwright; Playwright's own browser
#                                        download does not work offline), nginx-light (the example reverse proxy
#                                        of SECURITY.md is started by tests/unit/test_reverse_proxy.py) and npm
#                                        (axe-core for the widget's accessibility test)
set -euo pipefail
case "${1:-runtime}" in
  runtime) needed=(libvoikko1 voikko-fi) ;;
  test) needed=(chromium nginx-light) ;;
  *) echo "usage: $0 [runtime|test]" >&2; exit 2 ;;
esac
missing=()
for pkg in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${1:-runtime}" = test ]; then command -v npm >/dev/null || missing+=(npm); fi
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
  echo "Please install as root: apt-get install -y ${missing[*]}" >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends "${missing[@]}" || {
  $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends "${missing[@]}"; }
