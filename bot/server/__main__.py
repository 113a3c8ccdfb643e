"""Rasa's own command line with the fixes of bot.server.patches applied first.

    python -m bot.server run --model bot/models --endpoints endpoints.yml --credentials credentials.yml ...
    python -m bot.server shell --model bot/models --endpoints endpoints.yml --port 5006

Any `rasa` command and option works; `python -m bot.serve` starts the server this way. On a Rasa other
than 3.6.x it stops with a message instead of patching internals it was not checked against.
"""

from __future__ import annotations

import sys

from bot.server import patches


def main() -> int:
    try:
        patches.apply()
    except patches.UnsupportedRasaVersion as problem:
        print(f"python -m bot.server: {problem}", file=sys.stderr)
        return 2
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
