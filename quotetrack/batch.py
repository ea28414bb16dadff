"""Extracting many files: each one read, skipped when its text is the one already stored, or
extracted; in this process or spread over a process pool. The work per file is a pure function
of (path, stored hash, rules folder, packed?), so any pool or cluster map can run it. A run's
extractions wait in a spool (a temporary file beside a store file, else in the system's temp folder) until they are stored and
printed, so a run of any size holds one at a time."""
from __future__ import annotations

import itertools
import os
import pickle
import tempfile
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError
from .models import Extraction

if TYPE_CHECKING:
    from .store import Store

LARGE = 64  # files: from here on, a run uses every core unless told otherwise
AHEAD = 8  # chunks per worker submitted ahead: every worker kept busy, few outcomes held


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: an extraction (or its rows, pickled, when the run asked for
    them packed), unchanged since it was stored, or an error."""

    path: str
    extraction: Extraction | None = None
    unchanged: bool = False
    error: str | None = None
    packed: bytes | None = None
    warnings: tuple[str, ...] = ()  # what was repaired on the way ("3 stray bytes replaced")


def extract_file(job: tuple[str, str | None, str | None, bool], source: bytes | str | None = None) -> Outcome:
    """Read and extract one file; (path, sha256 of its stored text or None, rules folder,
    packed?). Packed, the outcome carries the extraction's rows pickled: the parent spools
    those bytes as they are, with no unpickling and pickling again on its side. `source` is
    the file's bytes, or where to read it, when that is not its typed path (a cluster worker)."""
    from . import inputs
    from .engine.extract import extract_article
    from .rules import load_rules
    from .engine.text import content_hash, normalize

    path, known, rules_dir, packed = job
    warnings: list[str] = []
    try:
        data = source if isinstance(source, bytes) else inputs.read_bytes(path, at=source)
        doc = inputs.load(path, data, on_warning=warnings.append)
        if known is not None and content_hash(normalize(doc.text)) == known:
            return Outcome(path, unchanged=True)  # the same text: no need to extract it again
        ex = extract_article(doc.text, path=path, date=doc.date, rules=load_rules(rules_dir))
        if packed:
            return Outcome(path, packed=pickle.dumps(ex.rows(), protocol=pickle.HIGHEST_PROTOCOL), warnings=tuple(warnings))
        return Outcome(path, ex, warnings=tuple(warnings))
    except InputError as exc:
        return Outcome(path, error=str(exc))
    except Exception as exc:  # a bug of ours: one line, and the other files go on
        return Outcome(path, error=f"{path}: could not be extracted ({type(exc).__name__}: {exc}); please report it")


def extract_many(jobs: Sequence[tuple[str, str | None, str | None, bool]],
                 sources: Sequence[bytes | str | None] | None = None) -> list[Outcome]:
    """`extract_file` for each job of a chunk (each from its source, when given): what a
    pool's worker or a cluster's runs."""
    return [extract_file(job, source) for job, source in zip(jobs, sources or [None] * len(jobs))]


def _watch_parent(command: int) -> None:
    """A worker leaves when its parent is gone: a killed `quotetrack extract` must not leave
    its pool behind, waiting forever on a queue it holds open itself. The parent is whoever
    started the worker (the command, or a forkserver that dies with it); the command's own pid
    is watched too, for a worker forked just as the command was killed, whose parent is
    already gone when it looks."""
    import signal
    import threading
    import time

    # Ctrl-C reaches the whole process group: the command says what became of the run, once;
    # a worker that took the signal too would only print a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def alive(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True

    def watch() -> None:
        while os.getppid() == parent and alive(command):
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="quotetrack-parent-watch").start()


def default_jobs(n_files: int) -> int:
    return (os.cpu_count() or 1) if n_files >= LARGE else 1


def run(paths: Sequence[str], *, known: dict[str, str] | None = None, rules_dir: str | None = None, jobs: int = 1,
        tick: Callable[[], None] | None = None, packed: bool = False) -> Iterator[Outcome]:
    """Outcomes in the order of `paths`. `known` maps an absolute path to the sha256 of its
    newest stored text; `packed` asks for pickled rows instead of extractions."""
    known = known or {}
    work = [(p, known.get(os.path.abspath(p)), rules_dir, packed) for p in paths]
    if jobs <= 1 or len(work) < 2:
        results: Iterator[Outcome] = map(extract_file, work)
        for outcome in results:
            if tick:
                tick()
            yield outcome
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_watch_parent, initargs=(os.getpid(),))
    size = max(1, min(32, len(work) // (jobs * 8) or 1))  # at least eight chunks a worker
    chunks = iter([work[i:i + size] for i in range(0, len(work), size)])
    # a window of chunks ahead, not every file submitted at once: a caller that stops (a reader
    # of the output paging) holds AHEAD chunks a worker done or under way, not the whole run's
    pending = deque(pool.submit(extract_many, c) for c in itertools.islice(chunks, jobs * AHEAD))
    finished = False
    try:
        while pending:
            done = pending.popleft().result()
            pending.extend(pool.submit(extract_many, c) for c in itertools.islice(chunks, 1))
            for outcome in done:
                if tick:
                    tick()
                yield outcome
        finished = True
    finally:
        # stopped early (Ctrl-C, an error downstream): the queued files are dropped, not waited for
        pool.shutdown(wait=finished, cancel_futures=not finished)


def stored_rows(store: Store, wanted: set[str], spool: Spool) -> dict[str, list[tuple[int, int]]]:
    """The stored statements of these articles, spooled: article id -> spans of record lists.
    An article's statements lie together in the store, so each is usually one span."""
    found: dict[str, list[tuple[int, int]]] = {}
    if not wanted:
        return found
    run: list[dict] = []
    for q in store.statements_of(wanted):
        aid = q.get("article_id") if isinstance(q, dict) else None
        if run and aid != run[0]["article_id"]:
            found.setdefault(run[0]["article_id"], []).append(spool.put(run))
            run = []
        if aid in wanted:
            run.append(q)
    if run:
        found.setdefault(run[0]["article_id"], []).append(spool.put(run))
    return found


class Spool:
    """Objects pickled to a temporary file and read back by their spans, in any order."""

    def __init__(self, folder: Path | None) -> None:
        self.fh = tempfile.TemporaryFile(dir=folder if folder is not None and folder.is_dir() else None)
        self.size = 0

    def put(self, obj: object) -> tuple[int, int]:
        return self.put_pickled(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))

    def put_pickled(self, data: bytes) -> tuple[int, int]:
        self.fh.seek(self.size)
        self.fh.write(data)
        at = (self.size, len(data))
        self.size += len(data)
        return at

    def get(self, span: tuple[int, int]):
        self.fh.seek(span[0])
        return pickle.loads(self.fh.read(span[1]))

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.fh.close()
