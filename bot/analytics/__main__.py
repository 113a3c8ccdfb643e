"""Owners' statistics from the command line.

python -m bot.analytics weekly-report --out var/reports/ [--end 2026-11-22] [--county pohjanmaa] [--lang sv]
python -m bot.analytics purge            # delete unanswered messages older than ANALYTICS_KEEP_DAYS
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path


def cmd_weekly_report(args) -> int:
    from bot.analytics.report import write_weekly_report
    from bot.db import make_engine, upgrade

    engine = make_engine(args.database_url)
    upgrade(engine)
    end = date.fromisoformat(args.end) if args.end else None
    path = write_weekly_report(engine, Path(args.out), end=end, county=args.county, lang=args.lang)
    print(f"weekly report written: {path}")
    return 0


def cmd_purge(args) -> int:
    from bot.analytics.counters import purge_unanswered
    from bot.db import make_engine
    from bot.settings import get_settings

    removed = purge_unanswered(make_engine(args.database_url), get_settings().analytics_keep_days)
    print(f"{removed} old unanswered messages deleted")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.analytics", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=None, help="defaults to DATABASE_URL or var/viitta.db")
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("weekly-report", help="markdown + PNG charts of the last seven days")
    w.add_argument("--out", default="var/reports", help="folder for the report")
    w.add_argument("--end", default=None, help="last day of the week (default: yesterday)")
    w.add_argument("--county", default=None, help="only this county")
    w.add_argument("--lang", choices=("fi", "sv"), default="fi")
    w.set_defaults(func=cmd_weekly_report)
    sub.add_parser("purge", help="delete old unanswered messages").set_defaults(func=cmd_purge)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
