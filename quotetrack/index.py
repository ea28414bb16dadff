"""A sidecar index beside the store, rebuilt on every write: the speakers (one row per person,
as `speakers` shows them) and each speaker's statements on one line of their own, so that
`speakers` and `quotes --speaker` answer without parsing the whole store.

Two files: NAME.index (the speakers, with where each one's line starts in NAME.index.records)
and NAME.index.records. Each is replaced atomically, records first. The index names the store
it was built from (its size and modification time) and the rules it was built with; a reader
that finds either changed does the slow, exact thing instead, so a stale index is never used.
"""
from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from .people import Names, People, Speaker
from .render import QUOTE_FIELDS
from .rules import RULE_FILES, RuleSet, shipped_rules_dir

FIELDS = QUOTE_FIELDS + ("location",)


def paths(store: Path) -> tuple[Path, Path]:
    return store.with_name(store.name + ".index"), store.with_name(store.name + ".index.records")


def fingerprint(rules: RuleSet) -> str:
    """Which rule files the people were resolved with (their bytes, the aliases included);
    read once per process."""
    return _fingerprint(rules.directory)


@functools.lru_cache(maxsize=8)
def _fingerprint(directory: str) -> str:
    h = hashlib.sha1()
    base, shipped = Path(directory), shipped_rules_dir()
    for name in RULE_FILES:
        path = base / name if (base / name).is_file() else shipped / name
        h.update(name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def stamp(store: Path) -> list[int]:
    st = store.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _replace(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build(store: Path, records: Sequence[dict[str, Any]], rules: RuleSet) -> None:
    """Write the index of `records` (the newest versions' statements) for the store as it is
    on disk now. Called under the store's write lock, right after it was replaced."""
    people = People(records, Names(rules))
    members: dict[int, list[int]] = {}
    for i in range(len(records)):
        sp = people.of(i)
        if sp is not None:
            members.setdefault(id(sp), []).append(i)
    index_path, records_path = paths(store)
    chunks, rows, offset = [], [], 0
    for sp in people.ranked():
        mine = sorted(members.get(id(sp), ()), key=lambda i: (records[i].get("date") or "", records[i].get("path") or ""), reverse=True)
        line = orjson.dumps([{**{k: records[i].get(k) for k in FIELDS}, "person": sp.name} for i in mine]) + b"\n"
        rows.append({**sp.to_dict(), "names": [n.text for n in sp.names], "at": [offset, len(line)]})
        chunks.append(line)
        offset += len(line)
    _replace(records_path, b"".join(chunks))
    _replace(index_path, orjson.dumps({"store": stamp(store), "rules": fingerprint(rules), "speakers": rows}))


@dataclass
class Index:
    """The speakers as the index has them; `find` answers like People.find."""

    store: Path
    rows: list[dict[str, Any]]
    names: Names

    def people(self) -> People:
        """A People with the indexed speakers (no statements): enough to find a name."""
        people = People([], self.names)
        for row in self.rows:
            sp = Speaker(row["name"], row["kind"], [self.names.parse(t) for t in row["names"]], count=row["count"])
            people.speakers.append(sp)
        return people

    def statements(self, speakers: Sequence[Speaker]) -> list[dict[str, Any]]:
        """The statements of these speakers (found through `people()`), newest first."""
        wanted = {sp.name for sp in speakers}
        _, records_path = paths(self.store)
        out: list[dict[str, Any]] = []
        with open(records_path, "rb") as fh:
            for row in self.rows:
                if row["name"] in wanted:
                    fh.seek(row["at"][0])
                    out.extend(orjson.loads(fh.read(row["at"][1])))
        return out


def load(store: Path, rules: RuleSet, aliases: dict[str, str] | None) -> Index | None:
    """The index, if it was built from the store as it is now and with these rules; else None."""
    if aliases:
        return None  # the user's aliases change who is who: resolve from the records
    index_path, records_path = paths(store)
    try:
        data = orjson.loads(index_path.read_bytes())
        if not records_path.is_file() or data.get("store") != stamp(store) or data.get("rules") != fingerprint(rules):
            return None
        return Index(store, data["speakers"], Names(rules))
    except (OSError, orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
        return None
