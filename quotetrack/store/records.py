"""The shape of stored records, checked as they are read: a store may hold anything a user or
an older quotetrack put there, and what is not of the shape quotetrack writes is passed over.
Which version of each article is the current one, for every backend alike."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from ..models import Record


def location_of(doc: dict[str, Any]) -> str | None:
    """Which file a stored article or record is (its absolute path), whichever way its path was
    typed; stores before locations were kept give their typed path, made absolute."""
    where = doc.get("location")
    if isinstance(where, str):
        return where
    path = doc.get("path")
    return os.path.abspath(path) if isinstance(path, str) else None



ARTICLE_FIELDS: dict[str, type] = {"id": str, "sha256": str}
QUOTE_FIELDS: dict[str, type] = {"article_id": str, "kind": str, "text": str, "start": int, "end": int}
OPTIONAL = ("speaker", "speaker_mention", "role", "verb", "source", "path", "title", "date", "agency", "location")


def sound(doc: Any, required: dict[str, type]) -> bool:
    """A record of the shape quotetrack writes; anything else in a store is passed over. (A plain
    loop: this runs once per stored record on every query.)"""
    if type(doc) is not dict:
        return False
    for key, kind in required.items():
        if type(doc.get(key)) is not kind:
            return False
    for key in OPTIONAL:
        v = doc.get(key)
        if v is not None and type(v) is not str:
            return False
    via = doc.get("via")
    return (via is None or type(via) is list) and type(doc.get("version", 1)) is int


def sound_quote(doc: Any) -> bool:
    """A statement record of the shape quotetrack writes (anything else in a store is passed over)."""
    return sound(doc, QUOTE_FIELDS)


def unique_id(wanted: str, version: int, taken: set[str]) -> str:
    """An article version's id: the one its path and text give, unless another stored version
    has it (a text changed back; the same name and text typed from another folder), then
    ID.VERSION (or the next free number). Both backends name versions so."""
    if wanted not in taken:
        return wanted
    k = version
    while f"{wanted}.{k}" in taken:
        k += 1
    return f"{wanted}.{k}"


def newest(articles: Iterable[Any]) -> list[dict[str, Any]]:
    """The newest stored version of each article (older versions are for `history`)."""
    latest: dict[str, dict[str, Any]] = {}
    for a in articles:
        if not sound(a, ARTICLE_FIELDS):
            continue
        key = location_of(a) or a["id"]
        if key not in latest or a.get("version", 1) > latest[key].get("version", 1):
            latest[key] = a
    return list(latest.values())


def current(articles: Iterable[Any], quotes: Iterable[Any]) -> list[dict[str, Any]]:
    """The statements of the newest stored version of each article (stored with the article's
    location, its absolute path, for path queries)."""
    return list(iter_current(articles, quotes))


def slim(records: Iterable[dict[str, Any]]) -> list[Record]:
    """Records as the commands hold a whole store of them: tuples, equal strings shared (a wire
    statement carried by forty articles is one string)."""
    shared: dict[Any, Any] = {}
    keep = shared.setdefault
    return [Record.of(r, keep) for r in records]


def iter_current(articles: Iterable[Any], quotes: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """`current`, one statement at a time, for a store too big to hold at once."""
    ids = {a["id"] for a in newest(articles)}
    return (q for q in quotes if sound(q, QUOTE_FIELDS) and q["article_id"] in ids)
