#!/usr/bin/env bash
# Print the interpreter one of Viitta's two environments is built with, or fail saying what is missing.
#   scripts/find-python.sh 3.10   the Rasa server's (.venv-rasa): Rasa 3.6.21 runs on Python 3.8–3.10 only
#   scripts/find-python.sh app    everything else (.venv): Python 3.12 or newer
# PYTHON310= resp. PYTHON= name an interpreter; else PATH, then pyenv's versions are searched.
set -u
want=${1:-}
case "$want" in
  3.10) override=${PYTHON310:-}; names=(python3.10); check='sys.version_info[:2] == (3, 10)'; var=PYTHON310 ;;
  app) override=${PYTHON:-}; names=(python3.12 python3.13 python3.14); check='sys.version_info >= (3, 12)'; var=PYTHON ;;
  *) echo "usage: scripts/find-python.sh 3.10|app" >&2; exit 2 ;;
esac
pyenv_root=${PYENV_ROOT:-$HOME/.pyenv}
candidates=()
[ -n "$override" ] && candidates=("$override")
candidates+=("${names[@]}")
for name in "${names[@]}"; do
  candidates+=("$pyenv_root"/versions/"${name#python}"*/bin/"$name" /usr/bin/"$name" /usr/local/bin/"$name")
done
for candidate in "${candidates[@]}"; do
  path=$(command -v "$candidate" 2>/dev/null) || continue
  if "$path" -c "import sys; sys.exit(0 if $check else 1)" 2>/dev/null; then
    echo "$path"; exit 0
  fi
  if [ "$candidate" = "$override" ]; then
    echo "$var=$override is not a suitable Python (needs: $check)." >&2; exit 1
  fi
done
if [ "$want" = 3.10 ]; then
  echo "No Python 3.10 found for the Rasa server (.venv-rasa): Rasa 3.6.21 runs on Python 3.10 at the newest. Install it (e.g. pyenv install 3.10) or set PYTHON310=/path/to/python3.10." >&2
else
  echo "No Python 3.12 or newer found for the action server, console and tools (.venv). Install one (e.g. apt-get install python3.12 or pyenv install 3.12) or set PYTHON=/path/to/python3.12." >&2
fi
exit 1
