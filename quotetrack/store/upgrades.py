"""Every layout the TinyDB store has had, and how an older one becomes today's: all upgrades in
one place (FORMAT.md describes the layout itself).

Each step so far was additive: records a newer quotetrack writes go where the new layout puts
them, and the older ones stay readable where they are (texts inline, statements in the store
file), so upgrading a store is marking it with the new version in its next write, under the
same lock and in the same atomic replace. A step that has to move records would add its
function to STEPS, run in that same batch.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import StoreError

FORMAT = "quotetrack"
VERSION = 3
HISTORY = {
    1: "statements (table `quotes`) and article texts inline in the store file",
    2: "new article texts in the NAME.texts pack, each article keeping its (offset, length) as `text_at`",
    3: "new statements in NAME.parts/ files, listed in the table `parts`",
}
# version -> what moves records from that version to the next; none has needed to
STEPS: dict[int, Callable[[Any], None]] = {}


def marker(data: dict[str, Any]) -> dict[str, Any]:
    meta = data.get("meta", {})
    found: Any = next(iter(meta.values()), {}) if isinstance(meta, dict) and meta else {}
    return found if isinstance(found, dict) else {"format": None}


def check(path: Path, data: dict[str, Any] | None, tables: set[str]) -> None:
    """Refuse, in one line, a file that is not a quotetrack store or is of a newer layout."""
    if data is None:
        return
    mark = marker(data)
    if (set(data) - tables - {"_default"} or (data and mark.get("format") != FORMAT)
            or not all(isinstance(data.get(t, {}), dict) for t in tables)):
        raise StoreError(f"{path}: not a quotetrack store; left untouched (use another --db)")
    version = mark.get("version", 0)
    if not isinstance(version, int):
        raise StoreError(f"{path}: not a quotetrack store (bad version); left untouched")
    if version > VERSION:
        raise StoreError(f"{path}: made by a newer quotetrack (store version {version})")


def upgrade(db: Any) -> None:
    """Inside a batch: mark a new store, or bring an older one to VERSION (its steps first)."""
    meta = db.table("meta")
    found = meta.all()
    if not found:
        meta.insert({"format": FORMAT, "version": VERSION})
        return
    version = found[0].get("version", 1)
    for step in range(version, VERSION):
        if step in STEPS:
            STEPS[step](db)
    if version < VERSION:
        meta.update({"version": VERSION})
