"""The store: a TinyDB JSON file (tables `meta`, `articles`, `parts`) and, beside it, the
statements in part files (NAME.parts/, each a TinyDB file with one table, `quotes`) and the
article texts in a pack (NAME.texts). The only module that imports tinydb.

TinyDB's own JSONStorage rewrites the file in place, so a crash mid-write corrupts it; this
storage (orjson: several times faster than json both ways, UTF-8 as it is) writes a temporary
file, fsyncs it and renames it over the old one. Parts and texts are written and fsynced before
the store that names them, and never changed after, so a reader or a crash sees the store as it
was before a batch or after it, never half-written. A batch is one write of the store, under an
inter-process lock (filelock), so two writers never lose each other's records.
"""
from __future__ import annotations

import errno
import os
import re
import tempfile
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

import orjson
from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.storages import Storage

from ..errors import StoreError
from ..models import ArticleRecord, Extraction, Rows
from . import tinyindex, upgrades
from .base import Resolver, Store
from .files import TMP_MARK, file_mode, sync_dir, write_atomic
from .records import iter_current, location_of, unique_id

TABLES = {"meta", "articles", "quotes", "parts"}
PART_NAME = re.compile(r"q-[0-9a-f]{32}\.json")
PART_SIZE = 20_000  # statements per part file: what one batch holds in memory at a time
COMPACT_AT = 16  # small parts (under half of PART_SIZE) merged once there are this many


def check_writable(path: Path) -> None:
    """Refuse, in one line, a store that cannot be written: its folder missing (a typo must not
    start a fresh store somewhere), not a folder, or not writable. Tried with a real file, as
    permissions alone do not tell (root, read-only mounts, /proc)."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a store file")
    if not folder.exists():
        raise StoreError(f"{folder}: no such folder (create it, or check --db)")
    if not folder.is_dir():
        raise StoreError(f"{folder}: not a folder")
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
        if path.exists():
            with open(path, "rb+"):
                pass
    except OSError as exc:
        # /proc and the like refuse a new file as "no such file": to a user that is permission
        reason = "permission denied" if exc.errno in (errno.EACCES, errno.EPERM, errno.ENOENT) else (
            exc.strerror or "cannot write").lower()
        raise StoreError(f"{path}: cannot write here ({reason})") from None


class AtomicJSONStorage(Storage):
    """JSON storage that replaces the file atomically and can defer writes to one per batch."""

    def __init__(self, path: str, **_: Any) -> None:
        self.path = Path(path)
        self._pending: dict[str, Any] | None = None  # the working copy inside a batch
        self._dirty = False  # written to inside the batch: replace the file at its end
        self._depth = 0
        self.last: dict[str, Any] | None = None  # the store as the last batch left it
        self.wrote = False

    def read(self) -> dict[str, Any] | None:
        if self._pending is not None:
            return self._pending
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot read the store: {exc.strerror}") from None
        if not raw.strip():
            return None
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise StoreError(f"{self.path}: not a quotetrack store (not valid JSON); left untouched") from None
        if not isinstance(data, dict):
            raise StoreError(f"{self.path}: not a quotetrack store; left untouched")
        if self._depth:
            self._pending = data  # inside a batch, one parse is the working copy for every table
        return data

    def write(self, data: dict[str, Any]) -> None:
        if self._depth:
            self._pending, self._dirty = data, True
        else:
            self._replace(data)

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Collect every write inside the block and make it one atomic write at the end;
        if the block raises, nothing is written."""
        self._depth += 1
        try:
            yield
        except BaseException:
            self._pending, self._dirty = None, False
            raise
        finally:
            self._depth -= 1
        if self._depth == 0:
            data, dirty, self._pending, self._dirty = self._pending, self._dirty, None, False
            self.last, self.wrote = data, dirty and data is not None  # for the index, under the same lock
            if self.wrote and data is not None:
                self._replace(data)

    def _replace(self, data: dict[str, Any]) -> None:
        # UTF-8 as it is: \u escapes would double a Cyrillic store
        write_atomic(self.path, orjson.dumps(data), mode=file_mode(self.path))

    def close(self) -> None:
        pass


class TinyDBStore:
    """Articles and their statements, versioned by path and content hash, in files."""

    def __init__(self, path: str | os.PathLike[str], *, lock_timeout: float = 60.0) -> None:
        self.path = Path(path)
        self.name = str(path)
        self.streams = False  # a run is stored in one batch, under the file lock
        self._fresh = False  # inside `after`: the data read is what is on disk
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a store file")
        self.lock = FileLock(str(self.path) + ".lock", timeout=lock_timeout)
        self.db = TinyDB(str(self.path), storage=AtomicJSONStorage)
        self.storage: AtomicJSONStorage = self.db.storage  # type: ignore[assignment]
        self._data: dict[str, Any] | None = self.storage.read()  # one parse serves every read-only call
        self._check(self._data)

    def _read(self) -> dict[str, Any]:
        if self._data is None:
            self._data = self.storage.read()
        return self._data or {}

    def _check(self, data: dict[str, Any] | None) -> None:
        upgrades.check(self.path, data, TABLES)

    @contextmanager
    def batch(self, after: Callable[[Store], None] | None = None) -> Iterator[None]:
        """One atomic write under the lock; `after(self)` runs once it is on disk, still under
        the lock (the sidecar index is built there, so it matches this very store)."""
        try:
            with self.lock:
                self._sweep()
                # a fresh TinyDB per batch: its tables cache their next id, which another
                # writer may have taken since this Store last wrote
                self.db = TinyDB(str(self.path), storage=AtomicJSONStorage)
                self.storage = self.db.storage  # type: ignore[assignment]
                self._data = None  # what this batch writes replaces what was read before
                with self.storage.deferred():
                    data = self.storage.read()
                    self._check(data)
                    self._sweep_parts(data or {})
                    self._trim_pack(data or {})
                    upgrades.upgrade(self.db)  # what this batch writes is the new layout
                    yield
                self._data = self.storage.last  # what is on disk now: later reads need no parse
                if after is not None and self._data is not None:
                    self._fresh = True
                    try:
                        after(self)
                    finally:
                        self._fresh = False
        except Timeout:
            raise StoreError(f"{self.path}: another quotetrack is writing this store; try again") from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write the store: {exc.strerror}") from None

    def _sweep(self) -> None:
        """Remove temporary files a killed writer left; only called under the lock, when no
        other writer can be halfway through one."""
        for pattern in (f".{self.path.name}{TMP_MARK}*.tmp", f".{self.path.name}.index*{TMP_MARK}*.tmp"):
            for tmp in self.path.parent.glob(pattern):
                tmp.unlink(missing_ok=True)

    def _sweep_parts(self, data: dict[str, Any]) -> None:
        """Remove part files the store does not list: those of a writer killed before it
        replaced the store. Under the lock; a reader only ever opens listed parts."""
        if not self.parts_dir.is_dir():
            return
        listed = {e.get("file") for e in (data.get("parts") or {}).values() if isinstance(e, dict) and isinstance(e.get("file"), str)}
        for part in self.parts_dir.iterdir():
            if part.name not in listed and (part.name.startswith("q-") or TMP_MARK in part.name):
                part.unlink(missing_ok=True)

    def _trim_pack(self, data: dict[str, Any]) -> None:
        """Cut the texts a failed or killed writer appended and no stored article points at.
        Under the lock: the pack only grows under it, so its tail past the last text the store
        lists belongs to nobody."""
        try:
            size = self.pack.stat().st_size
        except FileNotFoundError:
            return
        end = 0
        for doc in (data.get("articles") or {}).values():
            at = doc.get("text_at") if isinstance(doc, dict) else None
            if isinstance(at, list) and len(at) == 2 and all(isinstance(x, int) for x in at):
                end = max(end, at[0] + at[1])
        if size > end:
            os.truncate(self.pack, end)

    def add(self, extractions: Iterable[Extraction | Rows], *, after: Callable[[Store], None] | None = None,
            ) -> tuple[int, int]:
        """Store each article unless its newest stored version has the same text; a changed
        text at a known path becomes the next version. Each item is an Extraction or its
        `rows()` (the article dict and its statement dicts, as workers send them).

        `extractions` may be a stream: each one is written out as it comes (its text to the
        pack, its statements to a part file), so memory grows with the article records only,
        not with their texts or statements. `after(self)` runs once the batch is on disk, still
        under the lock (the caller's index rebuild). Returns (stored, unchanged)."""
        stored = unchanged = 0
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.batch(after):
            articles = self.db.table("articles")
            known: dict[str | None, list[dict[str, Any]]] = {}
            # the stored docs themselves, not Table.all()'s copies of every one
            for doc in (self.storage.read() or {}).get("articles", {}).values():
                known.setdefault(location_of(doc), []).append(doc)
            taken: set[str] = {aid for versions in known.values() for doc in versions if isinstance(aid := doc.get("id"), str)}
            new_articles: list[dict[str, Any]] = []
            with _Parts(self.parts_dir, file_mode(self.path)) as parts, _LazyFile(self.pack) as pack:
                for ex in extractions:
                    article, quotes = ex.rows() if isinstance(ex, Extraction) else ex
                    # one file is one article whichever way its path was typed
                    typed = article.get("path")
                    location = os.path.abspath(typed) if typed else None
                    versions = known.setdefault(location, [])
                    latest = max(versions, key=lambda v: v.get("version", 1), default=None)
                    if latest is not None and latest.get("sha256") == article["sha256"]:
                        unchanged += 1  # the same text as the newest version (a reverted file is a new one)
                        continue
                    version = max((v.get("version", 1) for v in versions), default=0) + 1
                    doc = {**article, "location": location, "version": version, "extracted_at": now}
                    doc["id"] = unique_id(doc["id"], version, taken)
                    taken.add(doc["id"])
                    versions.append(doc)
                    _pack_text(pack.handle(), doc)
                    new_articles.append(doc)
                    parts.add([{**q, "article_id": doc["id"], "location": location} for q in quotes])
                    stored += 1
                written = parts.close()
                pack.sync()  # the texts and the parts are on disk before the store that points at them
            del known
            articles.insert_multiple(new_articles)  # copies each doc into the table
            new_articles.clear()  # so the originals go now, not after the index is built
            self.db.table("parts").insert_multiple(written)
            self._compact()
        return stored, unchanged

    def reindex(self, resolve: Resolver, fingerprint: str) -> None:
        with self._locked():
            data = self._data if self._fresh and self._data is not None else self._reload()
            articles = list(data.get("articles", {}).values())
            tinyindex.build(self.path, iter_current(articles, self.iter_quotes(data)), resolve, fingerprint)

    def read_index(self, fingerprint: str) -> list[dict[str, Any]] | None:
        return tinyindex.load(self.path, fingerprint)

    def indexed_statements(self, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        return tinyindex.statements(self.path, rows)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            with self.lock:  # reentrant: `after` runs inside a batch that holds it
                yield
        except Timeout:
            raise StoreError(f"{self.path}: another quotetrack is writing this store; try again") from None

    def _reload(self) -> dict[str, Any]:
        self._data = None
        return self._read()

    @property
    def pack(self) -> Path:
        return self.path.with_name(self.path.name + ".texts")

    def _compact(self) -> None:
        """Merge small parts once there are COMPACT_AT of them: every run adds at least one,
        and a store fed a few articles an hour would otherwise be read from thousands of files.
        The merged parts are listed in this same batch; the small ones, no longer listed, go
        at the next writer's sweep."""
        table = self.db.table("parts")
        small = [doc for doc in table.all() if isinstance(doc.get("count"), int) and doc["count"] < PART_SIZE // 2]
        if len(small) < COMPACT_AT:
            return
        with _Parts(self.parts_dir, file_mode(self.path)) as merged:
            for doc in small:
                merged.add(list(self._part(doc).values()))  # a part holds whole articles: they stay together
            written = merged.close()
        table.remove(doc_ids=[doc.doc_id for doc in small])
        table.insert_multiple(written)

    @property
    def parts_dir(self) -> Path:
        return self.path.with_name(self.path.name + ".parts")

    def texts(self, articles: Iterable[ArticleRecord]) -> dict[str, str]:
        """The text of each stored article, by id (from the pack, or inline in older stores)."""
        out: dict[str, str] = {}
        fh = None
        try:
            for a in articles:
                if isinstance(a.get("text"), str):
                    out[a["id"]] = a["text"]
                    continue
                at = a.get("text_at")
                if not (isinstance(at, list) and len(at) == 2 and all(isinstance(x, int) for x in at)):
                    continue
                if fh is None:
                    fh = open(self.pack, "rb")
                fh.seek(at[0])
                out[a["id"]] = fh.read(at[1]).decode("utf-8", errors="replace")
        except FileNotFoundError:
            raise StoreError(f"{self.pack}: the store's texts are missing; statements still answer, audits cannot") from None
        finally:
            if fh is not None:
                fh.close()
        return out

    def newest(self) -> dict[str, tuple[str, str]]:
        """For each stored file (absolute path): the sha256 and id of its newest version."""
        data = self._read()
        out: dict[str, tuple[str, str, int]] = {}
        for doc in data.get("articles", {}).values():
            if not isinstance(doc, dict) or not isinstance(doc.get("sha256"), str) or not isinstance(doc.get("id"), str):
                continue
            where = location_of(doc)
            v = doc.get("version", 1) if isinstance(doc.get("version", 1), int) else 1
            if where and (where not in out or v > out[where][2]):
                out[where] = (doc["sha256"], doc["id"], v)
        return {k: (sha, aid) for k, (sha, aid, _) in out.items()}

    def iter_quotes(self, data: dict[str, Any] | None = None) -> Iterator[Any]:
        """Every stored statement, one part file in memory at a time: those of older stores
        kept inline first, then each part in the order it was written."""
        data = self._read() if data is None else data
        yield from (data.get("quotes") or {}).values()
        for entry in (data.get("parts") or {}).values():
            yield from self._part(entry).values()

    def _part(self, entry: Any) -> dict[str, Any]:
        """The `quotes` table of the part file a parts entry names."""
        name = entry.get("file") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not PART_NAME.fullmatch(name):
            raise StoreError(f"{self.path}: not a quotetrack store (a bad entry in its parts table)")
        part = self.parts_dir / name
        try:
            loaded = orjson.loads(part.read_bytes())
        except FileNotFoundError:
            raise StoreError(f"{part}: a part of the store is missing; restore it from a backup") from None
        except orjson.JSONDecodeError:
            raise StoreError(f"{part}: a part of the store is damaged; restore it from a backup") from None
        except OSError as exc:
            raise StoreError(f"{part}: cannot read a part of the store: {exc.strerror}") from None
        table = loaded.get("quotes") if isinstance(loaded, dict) else None
        if not isinstance(table, dict):
            raise StoreError(f"{part}: a part of the store is damaged; restore it from a backup")
        return table

    def snapshot(self) -> tuple[list[ArticleRecord], list[dict[str, Any]]]:
        """Every stored article and statement, from one read of the file (no lock: a reader
        sees a whole batch or none of it, as parts are written before the store names them)."""
        data = self._read()
        return list(data.get("articles", {}).values()), list(self.iter_quotes(data))

    def articles(self) -> list[ArticleRecord]:
        return list(self._read().get("articles", {}).values())

    def quotes(self) -> list[dict[str, Any]]:
        return list(self.iter_quotes())

    def current(self) -> Iterator[dict[str, Any]]:
        data = self._read()
        return iter_current(data.get("articles", {}).values(), self.iter_quotes(data))

    def statements_of(self, article_ids: Collection[str]) -> Iterator[dict[str, Any]]:
        wanted = set(article_ids)
        return (q for q in self.iter_quotes() if isinstance(q, dict) and q.get("article_id") in wanted)

    def close(self) -> None:
        self.db.close()


def _pack_text(pack: BinaryIO, doc: dict[str, Any]) -> None:
    """Move an article's text to the pack beside the store, the doc keeping its (offset,
    length): the JSON every query parses stays a fraction of the size. The pack is fsynced
    before the store is replaced, so the store never points at bytes that are not there; a
    crash in between leaves only unused bytes."""
    data = doc.pop("text").encode("utf-8")
    doc["text_at"] = [pack.tell(), len(data)]
    pack.write(data)


class _LazyFile:
    """A file opened for appending only when something is written to it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fh: BinaryIO | None = None

    def handle(self) -> BinaryIO:
        if self.fh is None:
            self.fh = open(self.path, "ab")
        return self.fh

    def sync(self) -> None:
        if self.fh is not None:
            self.fh.flush()
            os.fsync(self.fh.fileno())

    def __enter__(self) -> _LazyFile:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fh is not None:
            self.fh.close()


class _Parts:
    """Statements written out PART_SIZE at a time, each part a file of its own that TinyDB
    can open (one table, `quotes`). A part is written and fsynced before the store lists it,
    never changed after; a part a killed writer left unlisted is swept under the next lock."""

    def __init__(self, directory: Path, mode: int) -> None:
        self.directory, self.mode = directory, mode
        self.buffer: list[dict[str, Any]] = []
        self.written: list[dict[str, Any]] = []

    def __enter__(self) -> _Parts:
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        self.buffer = []
        if kind is not None:  # the batch failed: its parts will never be listed
            for entry in self.written:
                (self.directory / entry["file"]).unlink(missing_ok=True)

    def add(self, records: list[dict[str, Any]]) -> None:
        self.buffer.extend(records)  # one article's statements stay in one part
        if len(self.buffer) >= PART_SIZE:
            self._flush()

    def close(self) -> list[dict[str, Any]]:
        self._flush()
        return self.written

    def _flush(self) -> None:
        if not self.buffer:
            return
        if not self.directory.is_dir():
            self.directory.mkdir()
            sync_dir(self.directory.parent)
        name = f"q-{uuid.uuid4().hex}.json"
        data = orjson.dumps({"quotes": {str(n): q for n, q in enumerate(self.buffer, 1)}})
        write_atomic(self.directory / name, data, mode=self.mode)
        self.written.append({"file": name, "count": len(self.buffer)})
        self.buffer = []
