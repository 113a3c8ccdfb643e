"""Retention from the command line (meant for a daily timer, see docs/operations.md, "Running in production").

python -m bot.privacy purge [--days N]      # N defaults to RETENTION_DAYS (30)
python -m bot.privacy forget CONVERSATION_ID
"""

from __future__ import annotations

import argparse
import sys

from bot.privacy import retention


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.privacy", description="Viitta's data retention")
    commands = parser.add_subparsers(dest="command", required=True)
    purge = commands.add_parser("purge", help="delete conversations, handoffs and feedback older than N days")
    purge.add_argument("--days", type=int, default=None, help="default: RETENTION_DAYS (30)")
    forget = commands.add_parser("forget", help="delete one conversation now")
    forget.add_argument("conversation_id")
    args = parser.parse_args(argv)
    if args.command == "purge":
        done = retention.purge(args.days)
        print(
            f"purged: {done.conversations} conversations, {done.handoffs} handoffs, "
            f"{done.messages} handoff messages, {done.feedback} feedback answers"
        )
    else:
        retention.forget(args.conversation_id)
        print("forgotten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
