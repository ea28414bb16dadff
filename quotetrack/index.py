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
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from .people import Names, People, Speaker
from .render import QUOTE_FIELDS
from .rules import RULE_FILES, RuleSet, shipped_rules_dir
from .store import TMP_MARK, file_mode, sync_dir, write_atomic

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


class _Slim(tuple):
    """What People reads of a record (PEOPLE_KEYS), at a fraction of a dict's memory: a
    million statements fit in about 150 MB instead of a gigabyte."""

    __slots__ = ()

    def get(self, key: str, default: Any = None) -> Any:
        i = _AT.get(key)
        value = tuple.__getitem__(self, i) if i is not None else None
        return default if value is None else value

    def __getitem__(self, key):  # type: ignore[override]
        return tuple.__getitem__(self, _AT[key] if isinstance(key, str) else key)


PEOPLE_KEYS = ("speaker", "speaker_mention", "role", "kind", "agency", "source", "date", "article_id")
_AT = {k: i for i, k in enumerate(PEOPLE_KEYS)}
_ARTICLE, _DATE = _AT["article_id"], _AT["date"]


def build(store: Path, records: Iterable[dict[str, Any]], rules: RuleSet) -> None:
    """Write the index of the newest versions' statements for the store as it is on disk now.
    `records` may be a stream: each statement is read once, its projection for the people kept
    small and its JSON spooled to a temporary file, so that a million statements never sit in
    memory as dicts. Called under the store's write lock, right after the store was replaced."""
    shared: dict[Any, Any] = {}  # one string object for each repeated value
    keep = shared.setdefault
    slim: list[_Slim] = []
    spans = array("q")  # (offset, length) of each statement's JSON in the spool
    ranks: dict[str, tuple[str, str]] = {}  # article id -> (date, path): newest article first
    with tempfile.TemporaryFile(dir=store.parent) as spool:
        offset = 0
        for r in records:
            # this loop sees every statement of the store: the keys are read with map and zip (in
            # C); only strings are shared (equal numbers must stay themselves)
            values = list(map(r.get, PEOPLE_KEYS))
            slim.append(_Slim(keep(v, v) if v.__class__ is str else v for v in values))
            data = orjson.dumps(dict(zip(FIELDS, map(r.get, FIELDS))))
            spool.write(data)
            spans.extend((offset, len(data)))
            offset += len(data)
            aid = values[_ARTICLE] or ""
            if aid not in ranks:  # an article's statements share its date and path
                ranks[aid] = (values[_DATE] or "", r.get("path") or "")
        people = People(slim, Names(rules))  # type: ignore[arg-type]
        ranked = people.ranked()
        order = {id(sp): n for n, sp in enumerate(ranked)}
        # newest article first, text order within an article (the stable order of `quotes`)
        by_age = {a: n for n, a in enumerate(sorted(ranks, key=ranks.__getitem__, reverse=True))}
        age = array("q", (by_age[row.get("article_id") or ""] for row in slim))
        mine = [array("q") for _ in ranked]  # each speaker's statements, as indexes
        for i in range(len(slim)):
            sp = people.of(i)
            if sp is not None:
                mine[order[id(sp)]].append(i)
        del slim, ranks, by_age
        spool.flush()
        # one pread per statement; a map of the spool would count its pages in the peak memory
        spool_fd = spool.fileno()
        rows, at = [], 0
        mode = file_mode(store)  # the index is as readable as the store it indexes
        fd, tmp = tempfile.mkstemp(prefix=f".{paths(store)[1].name}{TMP_MARK}", suffix=".tmp", dir=store.parent)
        try:
            os.fchmod(fd, mode)
            with os.fdopen(fd, "wb") as out:
                for sp, refs in zip(ranked, mine):
                    # one line per speaker, written a statement at a time: the busiest speaker's
                    # line can be a hundred megabytes
                    head = b'{"person":' + orjson.dumps(sp.name) + b","
                    out.write(b"[")
                    for n, i in enumerate(sorted(refs, key=lambda i: (age[i], i))):
                        # the statement's own JSON object, with the person it resolved to added
                        out.write((b"," if n else b"") + head + os.pread(spool_fd, spans[2 * i + 1] - 1, spans[2 * i] + 1))
                    out.write(b"]\n")
                    end = out.tell()
                    rows.append({**sp.to_dict(), "names": [n.text for n in sp.names], "at": [at, end - at]})
                    at = end
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, paths(store)[1])
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        sync_dir(store.parent)
    write_atomic(paths(store)[0], orjson.dumps({"store": stamp(store), "rules": fingerprint(rules), "speakers": rows}), mode=mode)


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
