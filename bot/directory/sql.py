"""The directory in the app database (SQLAlchemy 1.4, 2.0-style API): tables, reads and the idempotent load."""

from __future__ import annotations

from datetime import date
from typing import Any, Optional

from sqlalchemy import JSON, Boolean, Column, Date, ForeignKey, String, Table, Text, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload

from bot.directory.hours import parse_hours
from bot.directory.interface import ServiceDirectory
from bot.directory.loader import DirectoryData
from bot.directory.records import Bilingual, Contact, County, NamedContact, Service, Sourced, WayIn
from bot.orm import DeclarativeBase, Mapped, mapped_column, relationship
from bot.places import registry


class Base(DeclarativeBase):
    """The directory tables' own registry and MetaData (bot.db.all_metadata())."""


service_municipalities = Table(
    "service_municipalities",
    Base.metadata,
    Column("service_id", ForeignKey("services.id", ondelete="CASCADE"), primary_key=True),
    Column("municipality_code", ForeignKey("municipalities.code", ondelete="CASCADE"), primary_key=True),
)


class CountyRow(Base):
    __tablename__ = "counties"
    code: Mapped[str] = mapped_column(String(40), primary_key=True, nullable=False)
    number: Mapped[str] = mapped_column(String(2), unique=True, nullable=False)
    name_fi: Mapped[str] = mapped_column(String(120), nullable=False)
    name_sv: Mapped[str] = mapped_column(String(120), nullable=False)
    website: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    website_sv: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    in_system: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    aliases: Mapped[Any] = mapped_column(JSON, nullable=False, default=list)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


class MunicipalityRow(Base):
    __tablename__ = "municipalities"
    code: Mapped[str] = mapped_column(String(3), primary_key=True, nullable=False)
    name_fi: Mapped[str] = mapped_column(String(80), unique=True, nullable=False)
    name_sv: Mapped[str] = mapped_column(String(80), nullable=False)
    county_code: Mapped[str] = mapped_column(String(40), ForeignKey("counties.code"), nullable=False, index=True)
    bilingual: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class CategoryRow(Base):
    __tablename__ = "service_categories"
    code: Mapped[str] = mapped_column(String(40), primary_key=True, nullable=False)
    name_fi: Mapped[str] = mapped_column(String(120), nullable=False)
    name_sv: Mapped[str] = mapped_column(String(120), nullable=False)


class _ServiceColumns:
    """Columns shared by regional services and national helplines."""

    id: Mapped[str] = mapped_column(String(120), primary_key=True, nullable=False)
    name_fi: Mapped[str] = mapped_column(String(200), nullable=False)
    name_sv: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    description_fi: Mapped[str] = mapped_column(Text, nullable=False, default="")
    description_sv: Mapped[str] = mapped_column(Text, nullable=False, default="")
    url: Mapped[str] = mapped_column(String(400), nullable=False)
    url_sv: Mapped[str] = mapped_column(String(400), nullable=False, default="")
    phone: Mapped[Optional[str]] = mapped_column(String(40), nullable=True)
    phone_source: Mapped[Optional[str]] = mapped_column(String(400), nullable=True)
    email: Mapped[Optional[str]] = mapped_column(String(200), nullable=True)
    email_source: Mapped[Optional[str]] = mapped_column(String(400), nullable=True)
    address_fi: Mapped[Optional[str]] = mapped_column(String(300), nullable=True)
    address_sv: Mapped[Optional[str]] = mapped_column(String(300), nullable=True)
    address_source: Mapped[str] = mapped_column(String(400), nullable=False, default="")
    hours: Mapped[Any] = mapped_column(JSON, nullable=True)
    hours_source: Mapped[str] = mapped_column(String(400), nullable=False, default="")
    contact_role_fi: Mapped[Optional[str]] = mapped_column(String(120), nullable=True)
    contact_role_sv: Mapped[Optional[str]] = mapped_column(String(120), nullable=True)
    contact_name: Mapped[Optional[str]] = mapped_column(String(120), nullable=True)
    contact_source: Mapped[Optional[str]] = mapped_column(String(400), nullable=True)
    # Named contacts for professionals: [{name, title_fi, title_sv, phone, email, source, checked, source_date}].
    contacts: Mapped[Any] = mapped_column(JSON, nullable=False, default=list)
    how_to_reach_fi: Mapped[Optional[str]] = mapped_column(Text, nullable=True)
    how_to_reach_sv: Mapped[Optional[str]] = mapped_column(Text, nullable=True)
    how_to_reach_url: Mapped[Optional[str]] = mapped_column(String(400), nullable=True)
    how_to_reach_source: Mapped[Optional[str]] = mapped_column(String(400), nullable=True)
    source_date: Mapped[Optional[date]] = mapped_column(Date, nullable=True)
    languages: Mapped[Any] = mapped_column(JSON, nullable=False, default=list)
    audience: Mapped[Any] = mapped_column(JSON, nullable=False, default=list)
    source: Mapped[str] = mapped_column(String(400), nullable=False)
    checked: Mapped[date] = mapped_column(Date, nullable=False)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    review: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # "curated" (services/*.yml, written by people) or "ptv" (ptv/*.yml, written by the PTV import).
    origin: Mapped[str] = mapped_column(String(10), nullable=False, default="curated", server_default="curated")


class ServiceRow(_ServiceColumns, Base):
    __tablename__ = "services"
    category: Mapped[str] = mapped_column(String(40), ForeignKey("service_categories.code"), nullable=False, index=True)
    county_code: Mapped[str] = mapped_column(String(40), ForeignKey("counties.code"), nullable=False, index=True)
    municipalities: Mapped[list[MunicipalityRow]] = relationship(
        MunicipalityRow, secondary=service_municipalities, lazy="selectin"
    )


class HelplineRow(_ServiceColumns, Base):
    __tablename__ = "helplines"
    kind: Mapped[str] = mapped_column(String(20), nullable=False, index=True)


class SqlDirectory(ServiceDirectory):
    """Reads with one short session per call, as the SQLAlchemy docs recommend."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def county(self, code: str) -> Optional[County]:
        with Session(self.engine) as session:
            row = session.get(CountyRow, code)
            return _county_record(row) if row else None

    def counties(self) -> list[County]:
        with Session(self.engine) as session:
            return [_county_record(r) for r in session.scalars(select(CountyRow).order_by(CountyRow.number))]

    def services(self, county: Optional[str] = None, category: Optional[str] = None) -> list[Service]:
        query = select(ServiceRow).options(selectinload(ServiceRow.municipalities)).order_by(ServiceRow.id)
        if county:
            query = query.where(ServiceRow.county_code == county)
        if category:
            query = query.where(ServiceRow.category == category)
        with Session(self.engine) as session:
            return [_service_record(r) for r in session.scalars(query)]

    def service(self, service_id: str) -> Optional[Service]:
        with Session(self.engine) as session:
            row = session.get(ServiceRow, service_id) or session.get(HelplineRow, service_id)
            return _service_record(row) if row else None

    def all_helplines(self) -> list[Service]:
        with Session(self.engine) as session:
            return [_service_record(r) for r in session.scalars(select(HelplineRow).order_by(HelplineRow.id))]


def ensure_schema(engine: Engine) -> None:
    """Migrate an empty database (bot.db.upgrade), so that one `load` prepares every app table; a database
    that has the tables is left alone."""
    from sqlalchemy import inspect

    if not inspect(engine).has_table(ServiceRow.__tablename__):
        from bot.db import upgrade

        upgrade(engine)


def load(engine: Engine, data: DirectoryData, categories: dict[str, dict]) -> dict[str, int]:
    """Make the database hold exactly `data`; running it twice changes nothing. Returns counts."""
    ensure_schema(engine)
    report = {"added": 0, "updated": 0, "removed": 0, "unchanged": 0}
    with Session(engine) as session, session.begin():
        for code, names in categories.items():
            _upsert(session, CategoryRow, {"code": code, "name_fi": names["fi"], "name_sv": names["sv"]}, None)
        for c in data.counties:
            _upsert(session, CountyRow, _county_row(c), None)
        session.flush()
        for m in registry.municipalities().values():
            _upsert(
                session,
                MunicipalityRow,
                {
                    "code": m.code,
                    "name_fi": m.name_fi,
                    "name_sv": m.name_sv,
                    "county_code": m.county,
                    "bilingual": m.bilingual,
                },
                None,
            )
        session.flush()
        by_name = {m.name_fi: m for m in session.scalars(select(MunicipalityRow))}
        tables: tuple[tuple[Any, Any], ...] = ((ServiceRow, data.services), (HelplineRow, data.helplines))
        for model, records in tables:
            wanted = {s.id for s in records}
            for row in session.scalars(select(model)):
                if row.id not in wanted:
                    session.delete(row)
                    report["removed"] += 1
            for s in records:
                values = _service_row(s)
                munis = [by_name[n] for n in s.municipalities] if model is ServiceRow else None
                report[_upsert(session, model, values, munis)] += 1
    return report


def _upsert(session: Session, model, values: dict, municipalities: Optional[list]) -> str:
    key = values.get("id", values.get("code"))
    row = session.get(model, key)
    if row is None:
        row = model(**values)
        if municipalities is not None:
            row.municipalities = municipalities
        session.add(row)
        return "added"
    changed = any(getattr(row, k) != v for k, v in values.items())
    if municipalities is not None and {m.code for m in row.municipalities} != {m.code for m in municipalities}:
        row.municipalities = municipalities
        changed = True
    for k, v in values.items():
        setattr(row, k, v)
    return "updated" if changed else "unchanged"


def _county_row(c: County) -> dict:
    return {
        "code": c.code,
        "number": c.number,
        "name_fi": c.name.fi,
        "name_sv": c.name.sv,
        "website": c.website,
        "website_sv": c.website_sv,
        "in_system": c.in_system,
        "aliases": list(c.aliases),
        "notes": c.notes,
    }


def _county_record(r: CountyRow) -> County:
    return County(
        code=r.code,
        number=r.number,
        name=Bilingual(r.name_fi, r.name_sv),
        website=r.website,
        website_sv=r.website_sv,
        in_system=r.in_system,
        aliases=tuple(r.aliases or ()),
        notes=r.notes,
    )


def _service_row(s: Service) -> dict:
    values = {
        "id": s.id,
        "name_fi": s.name.fi,
        "name_sv": s.name.sv,
        "description_fi": s.description.fi,
        "description_sv": s.description.sv,
        "url": s.url,
        "url_sv": s.url_sv,
        "phone": s.phone.value if s.phone else None,
        "phone_source": s.phone.source if s.phone else None,
        "email": s.email.value if s.email else None,
        "email_source": s.email.source if s.email else None,
        "address_fi": s.address.fi if s.address else None,
        "address_sv": s.address.sv if s.address else None,
        "address_source": s.address_source,
        "hours": s.hours.as_data() if s.hours.known else None,
        "hours_source": s.hours_source,
        "contact_role_fi": s.contact.role.fi if s.contact and s.contact.role else None,
        "contact_role_sv": s.contact.role.sv if s.contact and s.contact.role else None,
        "contact_name": s.contact.name if s.contact else None,
        "contact_source": s.contact.source if s.contact else None,
        "contacts": [_contact_data(c) for c in s.contacts],
        "how_to_reach_fi": s.how_to_reach.text.fi if s.how_to_reach else None,
        "how_to_reach_sv": s.how_to_reach.text.sv if s.how_to_reach else None,
        "how_to_reach_url": s.how_to_reach.url if s.how_to_reach else None,
        "how_to_reach_source": s.how_to_reach.source if s.how_to_reach else None,
        "source_date": s.source_date,
        "languages": list(s.languages),
        "audience": list(s.audience),
        "source": s.source,
        "checked": s.checked,
        "notes": s.notes,
        "review": s.review,
        "origin": s.origin,
    }
    if s.county is None:
        values["kind"] = s.kind
    else:
        values.update(category=s.category, county_code=s.county)
    return values


def _service_record(r) -> Service:
    is_helpline = isinstance(r, HelplineRow)
    contact = None
    if r.contact_role_fi or r.contact_name:
        role = Bilingual(r.contact_role_fi or "", r.contact_role_sv or "") if r.contact_role_fi else None
        contact = Contact(role=role, name=r.contact_name, source=r.contact_source)
    return Service(
        id=r.id,
        category="crisis_line" if is_helpline else r.category,
        kind=r.kind if is_helpline else None,
        county=None if is_helpline else r.county_code,
        name=Bilingual(r.name_fi, r.name_sv),
        description=Bilingual(r.description_fi, r.description_sv),
        municipalities=() if is_helpline else tuple(sorted(m.name_fi for m in r.municipalities)),
        url=r.url,
        url_sv=r.url_sv,
        phone=Sourced(r.phone, r.phone_source) if r.phone else None,
        email=Sourced(r.email, r.email_source) if r.email else None,
        address=Bilingual(r.address_fi, r.address_sv or "") if r.address_fi else None,
        address_source=r.address_source,
        hours=parse_hours(r.hours),
        hours_source=r.hours_source,
        contact=contact,
        contacts=tuple(_contact_record(c) for c in r.contacts or ()),
        how_to_reach=WayIn(
            Bilingual(r.how_to_reach_fi, r.how_to_reach_sv or ""), r.how_to_reach_source or "", r.how_to_reach_url or ""
        )
        if r.how_to_reach_fi
        else None,
        source_date=r.source_date,
        languages=tuple(r.languages or ()),
        audience=tuple(r.audience or ()),
        source=r.source,
        checked=r.checked if isinstance(r.checked, date) else date.fromisoformat(str(r.checked)),
        notes=r.notes,
        review=r.review,
        origin=r.origin or "curated",
    )


def _contact_data(c: NamedContact) -> dict:
    return {
        "name": c.name,
        "title_fi": c.title.fi if c.title else "",
        "title_sv": c.title.sv if c.title else "",
        "phone": c.phone,
        "email": c.email,
        "source": c.source,
        "checked": c.checked.isoformat(),
        "source_date": c.source_date.isoformat() if c.source_date else None,
    }


def _contact_record(raw: dict) -> NamedContact:
    return NamedContact(
        name=raw["name"],
        source=raw["source"],
        checked=date.fromisoformat(raw["checked"]),
        title=Bilingual(raw["title_fi"], raw.get("title_sv") or "") if raw.get("title_fi") else None,
        phone=raw.get("phone") or "",
        email=raw.get("email") or "",
        source_date=date.fromisoformat(raw["source_date"]) if raw.get("source_date") else None,
    )
