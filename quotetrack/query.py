"""Reading the store back: which statements a user asked for, newest first.

Pure functions over stored records, so the same filters serve `quotes`, `speakers`, `audit`
and `diff`.
"""
from __future__ import annotations

import calendar
import fnmatch
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, get_args

from .errors import QuotetrackError
from .models import Kind, Record
from .people import Found, People
from .rules import RuleSet
from .store.records import ARTICLE_FIELDS, location_of, sound

KINDS = get_args(Kind)


class QueryError(QuotetrackError):
    """A filter the user gave cannot be read (a bad date, an unknown kind)."""


def day(value: str, *, end: bool = False, option: str = "--since") -> date:
    """"2024", "2024-03" or "2024-03-15" as a day: the first of the period, or with `end` its last."""
    parts = value.strip().split("-")
    try:
        if len(parts) == 1:
            y = int(parts[0])
            return date(y, 12, 31) if end else date(y, 1, 1)
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            return date(y, m, calendar.monthrange(y, m)[1] if end else 1)
        return date.fromisoformat(value.strip())
    except ValueError:
        raise QueryError(f"{option}: {value!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)") from None


@dataclass(frozen=True, slots=True)
class Filters:
    """What `quotes` (and the commands after it) may ask of the store; None asks nothing."""

    speaker: str | None = None
    agency: str | None = None
    source: str | None = None
    kinds: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    path: str | None = None

    def __post_init__(self) -> None:
        for option, value in (("--speaker", self.speaker), ("--agency", self.agency), ("--source", self.source),
                              ("--path", self.path)):
            if value is not None and not any(c.isalnum() for c in value):
                raise QueryError(f"{option}: {value!r} names nothing")
        bad = [k for k in self.kinds if k not in KINDS]
        if bad:
            raise QueryError(f"--kind: {bad[0]!r} is not one of {', '.join(KINDS)}")
        if self.since and self.until and self.since > self.until:
            raise QueryError(f"--since {self.since} is after --until {self.until}")


def stored_versions(articles: Iterable[Any], path: str) -> list[dict[str, Any]]:
    """Every stored version of the one article at `path`, oldest first; no match, or a path that
    matches several articles, is refused in one line."""
    mine = [a for a in articles if sound(a, ARTICLE_FIELDS) and path_matches(a, path) and not os.path.isdir(path)]
    if not mine:
        raise QueryError(f"{path}: no stored article at this path (see `quotetrack quotes --format json` for stored paths)")
    places = {location_of(a) for a in mine}
    if len(places) > 1:
        raise QueryError(f"{path}: matches {len(places)} stored articles; give one file")
    return sorted(mine, key=lambda a: a.get("version", 1))


def in_scope(article: dict[str, Any], filters: Filters) -> bool:
    """Whether an article is one the path and date filters ask for."""
    return _keep(filters, None)(article)


def path_matches(record: dict[str, Any], wanted: str) -> bool:
    """A stored file is asked for by its path, by a folder above it, or by a glob; a relative
    path is read from the current folder, as the shell would."""
    location = location_of(record)
    if not location:
        return False
    w = os.path.abspath(wanted)
    if location == w or location.startswith(w.rstrip(os.sep) + os.sep):
        return True
    typed = os.path.normpath(record.get("path") or "")
    return fnmatch.fnmatchcase(location, w) or fnmatch.fnmatchcase(typed, os.path.normpath(wanted))


def _medium(value: str, rules: RuleSet) -> str:
    agency = rules.agency(value)
    return (agency.name if agency else value).casefold()


def _keep(filters: Filters, rules: RuleSet | None):
    """A test for one record (or article) against every filter but the speaker."""
    agency = _medium(filters.agency, rules) if filters.agency is not None and rules else None
    source = _medium(filters.source, rules) if filters.source is not None and rules else None
    since, until = (filters.since.isoformat() if filters.since else None), (filters.until.isoformat() if filters.until else None)

    def keep(r: dict[str, Any]) -> bool:
        if filters.kinds and r.get("kind") not in filters.kinds:
            return False
        if agency is not None and rules is not None and (not r.get("agency") or _medium(r["agency"], rules) != agency):
            return False
        if source is not None and rules is not None and (not r.get("source") or _medium(r["source"], rules) != source):
            return False
        d = (r.get("date") or "")[:10]
        if (since and (not d or d < since)) or (until and (not d or d > until)):
            return False
        return filters.path is None or path_matches(r, filters.path)

    return keep


def newest_first(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows.sort(key=lambda r: (r.get("path") or "", r.get("article_id") or "", r.get("start", 0)))
    rows.sort(key=lambda r: r.get("date") or "", reverse=True)  # stable: newest first, text order within
    return rows


def select(records: Sequence[dict[str, Any]], filters: Filters, people: People, rules: RuleSet,
           ) -> tuple[list[dict[str, Any]], Found | None]:
    """The records the filters ask for, each with its `person` (the speaker's name across the
    store), newest article first; and, when a speaker was asked for, who that query found."""
    found = people.find(filters.speaker) if filters.speaker is not None else None
    wanted = {id(s) for s in found.speakers} if found else None
    keep = _keep(filters, rules)
    out = []
    for i, r in enumerate(records):
        person = people.of(i)
        if wanted is not None and (person is None or id(person) not in wanted):
            continue
        if keep(r):
            name = person.name if person else None
            out.append(r.with_person(name) if isinstance(r, Record) else {**r, "person": name})
    return newest_first(out), found


def select_indexed(idx, filters: Filters, rules: RuleSet) -> tuple[list[dict[str, Any]], Found]:
    """The same answer as `select` for a query by speaker, read from the sidecar index."""
    found = idx.people().find(filters.speaker)
    keep = _keep(filters, rules)
    return newest_first([r for r in idx.statements(found.speakers) if keep(r)]), found
