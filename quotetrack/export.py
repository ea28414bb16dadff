"""The store as a SQLite database (sqlite-utils), for Datasette or any SQL client.

Two tables: `articles`, the newest stored version of each article, and `quotes`, every
statement of those articles as `quotetrack quotes --format json` lists it (the same rows, in
the same order, with the `person` each resolves to), tied to its article by a foreign key.
The columns Datasette facets on are indexed, and `quotes_fts` searches the statements' words.

The database is built in a temporary file beside the target and renamed over it once whole,
so a failed or interrupted export leaves the old file (or none) as it was.
"""
from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import QuotetrackError
from .people import People
from .query import Filters, select
from .store.records import newest
from .render import QUOTE_FIELDS, plural
from .rules import RuleSet
from .store import TMP_MARK, file_mode, sync_dir

SQLITE_HEADER = b"SQLite format 3\x00"

ARTICLE_COLUMNS: dict[str, type] = {
    "id": str, "path": str, "title": str, "date": str, "agency": str, "sha256": str,
    "version": int, "extracted_at": str, "statements": int,
}
# `id` numbers the statements in the order `quotes` lists them; the rest is what it outputs
QUOTE_COLUMNS: dict[str, type] = {"id": int, **{f: int if f in ("start", "end") else str for f in QUOTE_FIELDS},
                                  "person": str}
# what Datasette offers as facets, and what a query narrows by
QUOTE_INDEXES = ("article_id", "speaker", "person", "kind", "agency", "source", "date", "verb_lemma")
ARTICLE_INDEXES = ("agency", "date")
SEARCHED = ("text", "speaker", "person")


class ExportError(QuotetrackError):
    """The export's target cannot be written, or is a file that is not ours to replace."""


@dataclass(frozen=True, slots=True)
class Exported:
    path: Path
    articles: int
    statements: int

    def summary(self) -> str:
        return f"exported {plural(self.statements, 'statement')} from {plural(self.articles, 'article')} to {self.path}"



def check_target(path: Path) -> None:
    """Refuse, in one line, a target that is a folder, lies in no folder, or is a file other
    than a SQLite database (an empty file is one to SQLite too)."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ExportError(f"{path}: is a folder, not a database file")
    if not folder.is_dir():
        raise ExportError(f"{folder}: no such folder")
    if not path.exists():
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ExportError(f"{path}: cannot read: {(exc.strerror or 'error').lower()}") from None
    if head and head != SQLITE_HEADER:
        raise ExportError(f"{path}: exists and is not a SQLite database; left untouched (give another file)")


def article_rows(articles: Sequence[dict[str, Any]], statements: Counter[str]) -> list[dict[str, Any]]:
    """One row per article as stored now (its newest version), newest date first."""
    rows = [{**{k: a.get(k) for k in ARTICLE_COLUMNS}, "version": a.get("version", 1), "statements": statements[a["id"]]}
            for a in newest(articles)]
    rows.sort(key=lambda r: (r["path"] or "", r["id"]))
    rows.sort(key=lambda r: r["date"] or "", reverse=True)
    return rows


def _as_rows(selected: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Each selected statement as a row of the quotes table, made as it is written."""
    for n, r in enumerate(selected, 1):
        row = {"id": n, **{k: r.get(k) for k in QUOTE_FIELDS}, "person": r.get("person")}
        row["via"] = json.dumps(list(r.get("via") or ()), ensure_ascii=False)
        yield row


def export_sqlite(articles: Sequence[dict[str, Any]], records: Sequence[dict[str, Any]], people: People,
                  path: str | os.PathLike[str], *, rules: RuleSet | None = None) -> Exported:
    """Write the articles (every stored version; the newest of each is kept) and the records
    (`store.records.current` of them, with `people` built from those same records) to a SQLite database
    at `path`, replacing it whole. Returns what was written."""
    target = Path(path)
    check_target(target)
    selected, _ = select(records, Filters(), people, rules)  # type: ignore[arg-type]  # no agency/source filter: no rules read
    arts = article_rows(articles, Counter(r["article_id"] for r in selected))
    quotes = _as_rows(selected)  # rows made as they are written: a whole store's never held as dicts
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}{TMP_MARK}", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write here ({(exc.strerror or 'error').lower()})") from None
    os.close(fd)
    try:
        os.chmod(tmp, file_mode(target))
        _write(Path(tmp), arts, quotes)
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        Path(tmp).unlink(missing_ok=True)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ExportError(f"{target}: cannot write the database: {reason}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        Path(tmp + "-journal").unlink(missing_ok=True)
    sync_dir(folder)
    return Exported(target, len(arts), len(selected))


def _write(path: Path, articles: list[dict[str, Any]], quotes: Iterable[dict[str, Any]]) -> None:
    """Build the database in `path` (a new, empty file) and fsync it."""
    import sqlite_utils

    db = sqlite_utils.Database(path)  # tables by db.table(): db[name] may be a view, which has no insert
    try:
        db.table("articles").create(ARTICLE_COLUMNS, pk="id", not_null={"id", "sha256"})
        db.table("quotes").create(QUOTE_COLUMNS, pk="id", foreign_keys=[("article_id", "articles", "id")],
                                  not_null={"article_id", "kind", "text", "start", "end"})
        db.table("articles").insert_all(articles, replace=True)  # an id twice (never written so) keeps the last
        db.table("quotes").insert_all(quotes, batch_size=1000)
        for column in ARTICLE_INDEXES:
            db.table("articles").create_index([column])
        for column in QUOTE_INDEXES:
            db.table("quotes").create_index([column])
        db.table("quotes").enable_fts(list(SEARCHED), create_triggers=True)
        db.conn.commit()
    finally:
        db.close()
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())
