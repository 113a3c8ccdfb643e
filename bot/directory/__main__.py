"""Directory command line: keep the service directory true.

    python -m bot.directory load                        # YAML files -> DATABASE_URL (migrates it first; idempotent)
    python -m bot.directory validate [--county X] [--stale-months 12]   # findings and per-county freshness
    python -m bot.directory export --format csv --out pohjanmaa.csv [--county pohjanmaa]
    python -m bot.directory import-ptv --file channels.json [--file more.json]   # each channel into its county
    python -m bot.directory import-ptv --live [--county pohjanmaa]    # PTV_API_URL, every municipality, paged
    python -m bot.directory table [--check]   # the per-county table of data/README.md

Exit status: 0 done; 1 `validate` found an error (or `table --check` a stale table); 2 a data file cannot
be read at all (the message names it) or the command line is wrong; 3 PTV could not be read.
"""

from __future__ import annotations

import argparse
import csv
import sys
from contextlib import nullcontext
from datetime import date
from pathlib import Path

import yaml

from bot.directory.loader import DATA_DIR, DataError, read_data
from bot.directory.validation import as_table, validate

EXPORT_FIELDS = (
    "id",
    "origin",
    "county",
    "category",
    "municipalities",
    "name_fi",
    "name_sv",
    "description_fi",
    "description_sv",
    "url",
    "url_sv",
    "phone",
    "phone_source",
    "email",
    "email_source",
    "address_fi",
    "address_sv",
    "address_source",
    "hours",
    "hours_fi",
    "hours_sv",
    "hours_source",
    "how_to_reach_fi",
    "how_to_reach_sv",
    "how_to_reach_url",
    "how_to_reach_source",
    "contact_role_fi",
    "contact_name",
    "contact_source",
    "named_contacts",
    "languages",
    "audience",
    "source",
    "source_date",
    "checked",
    "review",
    "notes",
)


def _categories(data_dir: Path) -> dict:
    return yaml.safe_load((data_dir / "categories.yml").read_text(encoding="utf-8"))["categories"]


def cmd_load(args) -> int:
    from bot.db import make_engine, upgrade
    from bot.directory.sql import load

    data = read_data(Path(args.data))
    engine = make_engine(args.database_url)
    upgrade(
        engine
    )  # every start migrates the app database to the newest schema (docs/operations.md, "Changing the database")
    report = load(engine, data, _categories(Path(args.data)))
    print(
        f"directory loaded: {len(data.services)} services, {len(data.helplines)} helplines, "
        f"{len(data.counties)} counties ({', '.join(f'{k} {v}' for k, v in report.items())})"
    )
    return 0


def cmd_validate(args) -> int:
    from bot.directory import freshness

    data = read_data(Path(args.data))
    findings = validate(data, stale_months=args.stale_months, county=args.county)
    print(as_table(findings))
    counties = [c for c in data.counties if args.county in (None, c.code)]
    print(
        f"\nPer county (records checked more than {args.stale_months} months ago, named contacts with an old source):"
    )
    print(
        freshness.as_table(
            freshness.per_county(counties, data.services, stale_months=args.stale_months),
            stale_months=args.stale_months,
        )
    )
    return 1 if any(f.level == "error" for f in findings) else 0


def cmd_table(args) -> int:
    from bot.directory import readme_table

    data = read_data(Path(args.data))
    path = Path(args.readme or Path(args.data) / "README.md")
    if args.check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if readme_table.render(current, data) != current:
            print(
                f"{path}: the county table differs from the data; run `python -m bot.directory table`", file=sys.stderr
            )
            return 1
        print(f"{path}: the county table matches the data")
        return 0
    changed = readme_table.update(path, data)
    print(f"{path}: {'table updated' if changed else 'unchanged'}")
    return 0


def export_rows(data_dir: Path, county: str | None = None) -> list[dict]:
    """One flat row per service (and helpline, when no county is asked for), as the county's staff review them."""
    data = read_data(data_dir)
    services = [s for s in data.services if county in (None, s.county)]
    if county is None:
        services += list(data.helplines)
    rows = []
    for s in sorted(services, key=lambda s: (s.county or "~national", s.category, s.id)):
        rows.append(
            {
                "id": s.id,
                "origin": s.origin,
                "county": s.county or "national",
                "category": s.category,
                "municipalities": ", ".join(s.municipalities),
                "name_fi": s.name.fi,
                "name_sv": s.name.sv,
                "description_fi": s.description.fi,
                "description_sv": s.description.sv,
                "url": s.url,
                "url_sv": s.url_sv,
                "phone": s.phone.value if s.phone else "",
                "phone_source": s.phone.source if s.phone else "",
                "email": s.email.value if s.email else "",
                "email_source": s.email.source if s.email else "",
                "address_fi": s.address.fi if s.address else "",
                "address_sv": s.address.sv if s.address else "",
                "address_source": s.address_source,
                "hours": yaml.safe_dump(s.hours.as_data(), default_flow_style=True).strip() if s.hours.known else "",
                "hours_fi": s.hours.describe("fi"),
                "hours_sv": s.hours.describe("sv"),
                "hours_source": s.hours_source,
                "contact_role_fi": s.contact.role.fi if s.contact and s.contact.role else "",
                "contact_name": (s.contact.name or "") if s.contact else "",
                "contact_source": (s.contact.source or "") if s.contact else "",
                "how_to_reach_fi": s.how_to_reach.text.fi if s.how_to_reach else "",
                "how_to_reach_sv": s.how_to_reach.text.sv if s.how_to_reach else "",
                "how_to_reach_url": s.how_to_reach.url if s.how_to_reach else "",
                "how_to_reach_source": s.how_to_reach.source if s.how_to_reach else "",
                "named_contacts": "; ".join(_person(p) for p in s.contacts),
                "source_date": s.source_date.isoformat() if s.source_date else "",
                "languages": ", ".join(s.languages),
                "audience": ", ".join(s.audience),
                "source": s.source,
                "checked": s.checked.isoformat(),
                "review": "yes" if s.review else "",
                "notes": s.notes,
            }
        )
    return rows


def _person(p) -> str:
    """One named contact in a cell: who, how to reach them, where it was read and when."""
    who = ", ".join(filter(None, [p.name, p.title.fi if p.title else "", p.phone, p.email]))
    dates = f"checked {p.checked.isoformat()}" + (f", page dated {p.source_date.isoformat()}" if p.source_date else "")
    return f"{who} <{p.source}; {dates}>"


def cmd_export(args) -> int:
    rows = export_rows(Path(args.data), args.county)
    if args.format == "csv":
        # utf-8-sig: spreadsheet programs then show ä, ö and å right when staff open the file.
        with open(args.out, "w", encoding="utf-8-sig", newline="") if args.out else nullcontext(sys.stdout) as out:
            writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS)
            writer.writeheader()
            writer.writerows(rows)
    else:
        with open(args.out, "w", encoding="utf-8") if args.out else nullcontext(sys.stdout) as out:
            yaml.safe_dump({"services": rows}, out, allow_unicode=True, sort_keys=False, width=120)
    if args.out:
        print(f"{len(rows)} services written to {args.out}", file=sys.stderr)
    return 0


def cmd_import_ptv(args) -> int:
    from bot.directory.ptv import PtvError, fetch_channels, fetch_linked_services, read_files
    from bot.directory.ptv_import import import_all, write
    from bot.settings import get_settings

    data_dir = Path(args.data)
    base = (args.api_url or get_settings().ptv_api_url).rstrip("/")
    try:
        if args.live:
            items = fetch_channels(
                base, args.county, include_whole_country=args.include_whole_country, progress=not args.no_progress
            )
        else:
            items = read_files(Path(f) for f in args.file)
        if args.live or args.fetch_services:
            # The channel list names each linked service; its classes and ontology terms need Service/{id}.
            fetch_linked_services(items, base, Path(args.cache) if args.cache else None, progress=not args.no_progress)
    except PtvError as exc:
        print(f"PTV: {exc}", file=sys.stderr)
        return 3
    if args.save:
        import json

        Path(args.save).write_text(json.dumps(items.as_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    today = date.today()
    imported = import_all(
        items, data_dir, Path(args.mapping), base, today, county=args.county, overwrite=args.overwrite
    )
    print(imported.report())
    if args.dry_run:
        print("dry run: nothing written")
        return 0
    paths = [write(result, data_dir, today) for result in imported.results]
    read_data(data_dir)  # what was written must load; raises DataError (exit 2) otherwise
    for path in paths:
        county = path.stem
        print(f"written: {path} — review it, then `python -m bot.directory validate --county {county}`")
    if paths:
        print("then `python -m bot.directory load` (and `python -m bot.directory table` for data/README.md)")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.directory", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", default=str(DATA_DIR), help="folder with the YAML files")
    parser.add_argument("--database-url", default=None, help="defaults to DATABASE_URL or var/viitta.db")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("load", help="load the YAML files into the database").set_defaults(func=cmd_load)
    v = sub.add_parser(
        "validate",
        help="findings as a table; exit 1 on errors, 2 when a file cannot be read",
        description="Findings as a table, then each county's freshness. Exit status 1 when a "
        "finding is an error, 2 when a data file cannot be read at all.",
    )
    v.add_argument("--stale-months", type=int, default=12, help="warn about records checked longer ago")
    v.add_argument("--county", default=None, help="only this county's records")
    v.set_defaults(func=cmd_validate)
    e = sub.add_parser("export", help="every record as YAML or CSV, for review")
    e.add_argument("--format", choices=("yaml", "csv"), default="yaml")
    e.add_argument("--county", default=None, help="only this county's records")
    e.add_argument("--out", default=None)
    e.set_defaults(func=cmd_export)
    t = sub.add_parser("table", help="write the per-county table of data/README.md from the data")
    t.add_argument("--check", action="store_true", help="only compare; exit 1 when the table is out of date")
    t.add_argument("--readme", default=None, help="defaults to <data>/README.md")
    t.set_defaults(func=cmd_table)
    p = sub.add_parser(
        "import-ptv", help="import services from Suomi.fi Palvelutietovaranto (PTV), each into its county"
    )
    p.add_argument("--county", default=None, help="only this county (e.g. pohjanmaa); default: every county found")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--file", action="append", help="a saved PTV API v11 response (JSON); repeatable")
    source.add_argument("--live", action="store_true", help="fetch from PTV_API_URL, municipality by municipality")
    p.add_argument("--api-url", default=None, help="overrides PTV_API_URL")
    p.add_argument(
        "--fetch-services",
        action="store_true",
        help="with --file: also fetch each linked service from PTV_API_URL (always done with --live)",
    )
    p.add_argument(
        "--cache", default="var/ptv-cache", help="where fetched services are kept for a week ('' = not kept)"
    )
    p.add_argument("--include-whole-country", action="store_true", help="also nationwide channels (live)")
    p.add_argument("--mapping", default=str(DATA_DIR / "ptv_mapping.yml"), help="PTV -> category rules")
    p.add_argument(
        "--overwrite",
        action="store_true",
        help="replace imported records that were edited by hand (curated services/ records never change)",
    )
    p.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    p.add_argument("--save", default=None, help="also save the PTV items read (JSON), to re-import with --file")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_import_ptv)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except DataError as exc:
        print(f"directory data error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
