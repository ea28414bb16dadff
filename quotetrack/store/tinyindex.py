"""The TinyDB store's speaker index: files beside the store, rebuilt on every write, so that
`speakers` and `quotes --speaker` answer without parsing the whole store.

Two files: NAME.index (the speakers, with where each one's line starts in NAME.index.records)
and NAME.index.records (each speaker's statements on one line). Each is replaced atomically,
records first. The index names the store it was built from (its size, modification time and
inode) and the rules it was built with; a reader that finds either changed does the slow,
exact thing instead, so a stale index is never used.
"""
from __future__ import annotations

import os
import tempfile
from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import orjson

from ..models import PEOPLE_KEYS, QUOTE_FIELDS, Slim, StatementRecord
from .base import Resolver
from .files import TMP_MARK, file_mode, sync_dir, write_atomic

FIELDS = QUOTE_FIELDS + ("location",)
_ARTICLE, _DATE = PEOPLE_KEYS.index("article_id"), PEOPLE_KEYS.index("date")


def paths(store: Path) -> tuple[Path, Path]:
    return store.with_name(store.name + ".index"), store.with_name(store.name + ".index.records")


def stamp(store: Path) -> list[int]:
    st = store.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def build(store: Path, records: Iterable[StatementRecord] | Iterable[dict[str, Any]], resolve: Resolver, fingerprint: str) -> None:
    """Write the index of these statements (the newest versions') for the store as it is on
    disk now. `records` may be a stream: each statement is read once, its projection for the
    people kept small and its JSON spooled to a temporary file, so that a million statements
    never sit in memory as dicts. Called under the store's write lock, right after the store
    was replaced."""
    shared: dict[Any, Any] = {}  # one string object for each repeated value
    keep = shared.setdefault
    slim: list[Slim] = []
    spans = array("q")  # (offset, length) of each statement's JSON in the spool
    ranks: dict[str, tuple[str, str]] = {}  # article id -> (date, path): newest article first
    with tempfile.TemporaryFile(dir=store.parent) as spool:
        offset = 0
        for r in records:
            # this loop sees every statement of the store: the keys are read with map and zip (in
            # C); only strings are shared (equal numbers must stay themselves)
            values: list[Any] = list(map(r.get, PEOPLE_KEYS))
            slim.append(Slim(keep(v, v) if v.__class__ is str else v for v in values))
            data = orjson.dumps(dict(zip(FIELDS, map(r.get, FIELDS))))
            spool.write(data)
            spans.extend((offset, len(data)))
            offset += len(data)
            aid = values[_ARTICLE] or ""
            if aid not in ranks:  # an article's statements share its date and path
                ranks[aid] = (values[_DATE] or "", r.get("path") or "")
        speakers, of = resolve(slim)
        # newest article first, text order within an article (the stable order of `quotes`)
        by_age = {a: n for n, a in enumerate(sorted(ranks, key=ranks.__getitem__, reverse=True))}
        age = array("q", (by_age[row.get("article_id") or ""] for row in slim))
        mine = [array("q") for _ in speakers]  # each speaker's statements, as indexes
        for i, n in enumerate(of):
            if n >= 0:
                mine[n].append(i)
        del slim, ranks, by_age
        spool.flush()
        rows = _write_lines(store, spool.fileno(), spans, speakers, mine, age)
    write_atomic(paths(store)[0], orjson.dumps({"store": stamp(store), "rules": fingerprint, "speakers": rows}),
                 mode=file_mode(store))


def _write_lines(store: Path, spool_fd: int, spans: array, speakers: list[dict[str, Any]], mine: list[array],
                 age: array) -> list[dict[str, Any]]:
    """NAME.index.records, a line per speaker; the speaker rows with where each line lies."""
    # one pread per statement; a map of the spool would count its pages in the peak memory
    rows, at = [], 0
    mode = file_mode(store)  # the index is as readable as the store it indexes
    fd, tmp = tempfile.mkstemp(prefix=f".{paths(store)[1].name}{TMP_MARK}", suffix=".tmp", dir=store.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as out:
            for sp, refs in zip(speakers, mine):
                # one line per speaker, written a statement at a time: the busiest speaker's
                # line can be a hundred megabytes
                head = b'{"person":' + orjson.dumps(sp["name"]) + b","
                out.write(b"[")
                for n, i in enumerate(sorted(refs, key=lambda i: (age[i], i))):
                    # the statement's own JSON object, with the person it resolved to added
                    out.write((b"," if n else b"") + head + os.pread(spool_fd, spans[2 * i + 1] - 1, spans[2 * i] + 1))
                out.write(b"]\n")
                end = out.tell()
                rows.append({**sp, "at": [at, end - at]})
                at = end
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, paths(store)[1])
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    sync_dir(store.parent)
    return rows


def load(store: Path, fingerprint: str) -> list[dict[str, Any]] | None:
    """The indexed speakers, if the index was built from the store as it is now and with these
    rules; else None."""
    index_path, records_path = paths(store)
    try:
        data = orjson.loads(index_path.read_bytes())
        if not records_path.is_file() or data.get("store") != stamp(store) or data.get("rules") != fingerprint:
            return None
        rows = data["speakers"]
        return rows if isinstance(rows, list) else None
    except (OSError, orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
        return None


def statements(store: Path, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The statements on these speakers' lines, each speaker's newest first."""
    out: list[dict[str, Any]] = []
    with open(paths(store)[1], "rb") as fh:
        for row in rows:
            fh.seek(row["at"][0])
            out.extend(orjson.loads(fh.read(row["at"][1])))
    return out
