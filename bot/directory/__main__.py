"""Directory command line.

    python -m bot.directory load               # YAML files -> DATABASE_URL (idempotent)
    python -m bot.directory validate           # findings as a table; exit 1 on errors
    python -m bot.directory export --format csv --out directory.csv
"""
from __future__ import annotations

import argparse
import csv
import sys
from contextlib import nullcontext
from pathlib import Path

import yaml

from bot.directory.loader import DATA_DIR, DataError, read_data
from bot.directory.validation import as_table, validate


def _categories() -> dict:
    return yaml.safe_load((DATA_DIR / "categories.yml").read_text(encoding="utf-8"))["categories"]


def cmd_load(args) -> int:
    from bot.db import make_engine, upgrade
    from bot.directory.sql import load

    data = read_data(Path(args.data))
    engine = make_engine(args.database_url)
    upgrade(engine)  # every start migrates the app database to the newest schema (README: "Changing the database")
    report = load(engine, data, _categories())
    print(f"directory loaded: {len(data.services)} services, {len(data.helplines)} helplines, "
          f"{len(data.counties)} counties ({', '.join(f'{k} {v}' for k, v in report.items())})")
    return 0


def cmd_validate(args) -> int:
    findings = validate(read_data(Path(args.data)), stale_months=args.stale_months)
    print(as_table(findings))
    return 1 if any(f.level == "error" for f in findings) else 0


def cmd_export(args) -> int:
    from bot.db import make_engine
    from bot.directory.sql import SqlDirectory

    directory = SqlDirectory(make_engine(args.database_url))
    rows = []
    for s in directory.services() + directory.helplines():
        rows.append({
            "id": s.id, "county": s.county or "national", "category": s.category, "name_fi": s.name.fi,
            "name_sv": s.name.sv, "municipalities": ", ".join(s.municipalities), "phone": s.phone.value if s.phone else "",
            "phone_source": s.phone.source if s.phone else "", "email": s.email.value if s.email else "",
            "url": s.url, "url_sv": s.url_sv, "hours_fi": s.hours.describe("fi"), "source": s.source,
            "checked": s.checked.isoformat(), "notes": s.notes,
        })
    with (open(args.out, "w", encoding="utf-8", newline="") if args.out else nullcontext(sys.stdout)) as out:
        if args.format == "csv":
            writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["id"])
            writer.writeheader()
            writer.writerows(rows)
        else:
            yaml.safe_dump({"services": rows}, out, allow_unicode=True, sort_keys=False)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.directory", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DATA_DIR), help="folder with the YAML files")
    parser.add_argument("--database-url", default=None, help="defaults to DATABASE_URL or var/viitta.db")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("load").set_defaults(func=cmd_load)
    v = sub.add_parser("validate")
    v.add_argument("--stale-months", type=int, default=12)
    v.set_defaults(func=cmd_validate)
    e = sub.add_parser("export")
    e.add_argument("--format", choices=("yaml", "csv"), default="yaml")
    e.add_argument("--out", default=None)
    e.set_defaults(func=cmd_export)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except DataError as exc:
        print(f"directory data error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
