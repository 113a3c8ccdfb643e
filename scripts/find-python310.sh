#!/usr/bin/env bash
# Print a Python 3.10 interpreter (Rasa 3.6 supports 3.8–3.10 only), or fail with a clear message.
for candidate in "${PYTHON:-}" python3.10 /root/.pyenv/versions/3.10*/bin/python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10; do
  [ -n "$candidate" ] || continue
  path=$(command -v "$candidate" 2>/dev/null) || continue
  if "$path" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null; then
    echo "$path"; exit 0
  fi
done
echo "No Python 3.10 found. Rasa 3.6 needs Python 3.10: install it (e.g. pyenv install 3.10) or set PYTHON=/path/to/python3.10." >&2
exit 1
