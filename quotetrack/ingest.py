"""Extracting input files into a store: the one path every front end takes. It reads the rules,
checks that the store can be written before any work, extracts every file (in this process, a
pool or a Dask cluster), spools the extractions (beside a store file, else in the system's temp
folder), stores them (a store file in one batch after the run, a server in batches as they
come) and gives back the statements in input order. `Ingest` keeps the count of what it did, for a summary line and for what an
interrupted run reports."""
from __future__ import annotations

import itertools
import os
import pickle
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import batch, index, inputs
from .errors import InputError
from .render import plural

STREAM_BATCH = 1000  # new articles per transaction, for a store that takes them as they come

if TYPE_CHECKING:
    from .rules import RuleSet
    from .store import Store



@dataclass
class Ingest:
    """One run over `paths`: built, it has checked the rules and the store; `rows()` does the work.

    With `db` None nothing is stored and the statements stream straight out. With `new_only`,
    only the statements of articles this run stored are given back."""

    paths: list[str]
    db: str | Path | None = None  # a TinyDB file or a postgresql:// URL
    glob: str = "*.txt"
    jobs: int | None = None
    rules_dir: str | None = None
    new_only: bool = False
    on_error: Callable[[str], None] = lambda message: None
    stdin: Callable[[], bytes] | None = None  # how to read "-" (standard input)
    cluster: str | None = None  # a Dask scheduler's address, or local:N
    stored: int = 0
    unchanged: int = 0
    failed: int = 0
    statements: int = 0
    extracted: int = 0
    committed: bool = False  # the store holds this run's articles
    files: list[str] = field(default_factory=list)
    ruleset: RuleSet | None = None
    store: Store | None = None

    def __post_init__(self) -> None:
        from .rules import load_rules
        from .store import open_store

        self.ruleset = load_rules(self.rules_dir)
        if self.db is not None:
            # a typo'd or read-only --db, or a server out of reach, fails before any work
            self.store = open_store(self.db, write=True)
        if self.cluster is not None:
            from .cluster import workers_of

            workers_of(self.cluster)  # a mistyped address fails before any work
        self.files = list(inputs.expand(self.paths, self.glob, on_error=self._failed))

    def _failed(self, message: str) -> None:
        self.failed += 1
        self.on_error(message)

    @property
    def named(self) -> list[str]:
        return [f for f in self.files if f != "-"]

    def summary(self) -> str:
        """One line of what the run did: "stored 3 articles, 1 unchanged, 1 failed"."""
        if self.store is None:
            done = f"extracted {plural(self.extracted, 'article')}"
        else:
            done = f"stored {plural(self.stored, 'article')} in {self.store.name}"
            if self.unchanged:
                done += f", {self.unchanged} unchanged"
        done += f", {plural(self.statements, 'statement')}"
        return done + (f", {self.failed} failed" if self.failed else "")

    def interrupted(self) -> str:
        """What an interrupted run says: whether the store took any of it."""
        if self.store is None or not self.committed or not self.stored:
            return "interrupted: nothing stored"
        return f"interrupted: {plural(self.stored, 'article')} stored, the rest not"

    def _outcomes(self, tick: Callable[[], None] | None, newest: dict[str, tuple[str, str]]) -> Iterator[Any]:
        """Each input in order: its extraction (its rows pickled, when storing), or the id of
        its stored version when unchanged."""
        if "-" in self.files and self.stdin is not None:
            from .engine.extract import extract_article  # here only: a cluster's client never extracts

            try:
                doc = inputs.load("<stdin>", self.stdin(), on_warning=self.on_error)
                yield extract_article(doc.text, date=doc.date, rules=self.ruleset)
            except InputError as exc:
                self._failed(str(exc))
        known = {loc: sha for loc, (sha, _) in newest.items()}
        for outcome in self._run(known, tick):
            for warning in outcome.warnings:
                self.on_error(warning)
            if outcome.error:
                self._failed(outcome.error)
            elif outcome.unchanged:
                yield newest[os.path.abspath(outcome.path)][1]
            else:
                yield outcome.packed if outcome.packed is not None else outcome.extraction

    def _run(self, known: dict[str, str], tick: Callable[[], None] | None) -> Iterator[batch.Outcome]:
        """The named files' outcomes in input order: from this process, a pool, or a cluster."""
        # rows pickled by the worker: the parent spools them as they are, and a cluster's client
        # unpickles plain dicts rather than rebuilding every Quote
        packed = self.store is not None or self.cluster is not None
        if self.cluster is None:
            jobs = self.jobs or batch.default_jobs(len(self.named))
            yield from batch.run(self.named, known=known, rules_dir=self.rules_dir, jobs=jobs, tick=tick, packed=packed)
            return
        from . import cluster

        if not self.named:
            return
        with cluster.connect(self.cluster) as client:
            yield from cluster.run(self.named, client, known=known, rules_dir=self.rules_dir, packed=packed, tick=tick)

    def rows(self, tick: Callable[[], None] | None = None) -> Iterator[dict[str, Any]]:
        """The statements of every input, in input order, as records (stored first when there
        is a store)."""
        if self.store is None:
            for ex in self._outcomes(tick, {}):
                self.extracted += 1
                records = pickle.loads(ex)[1] if isinstance(ex, bytes) else [q.to_dict() for q in ex.quotes]
                self.statements += len(records)
                yield from records
            return
        yield from self._stored_rows(tick)

    def finish(self, rows: Iterator[dict[str, Any]]) -> None:
        """What is left of a run whose statements nobody reads any more (the output's reader
        went away): every file still extracted and stored, the index still rebuilt."""
        for _ in rows:
            pass

    def _spooled(self, tick: Callable[[], None] | None, newest: dict[str, tuple[str, str]], spool: batch.Spool,
                 order: list) -> Iterator[tuple[int, int]]:
        """Each new extraction's span in the spool, as it comes; `order` gets every input's
        span or, unchanged, its stored article id."""
        for item in self._outcomes(tick, newest):
            if isinstance(item, str):
                self.unchanged += 1
                order.append(item)
                continue
            span = spool.put_pickled(item) if isinstance(item, bytes) else spool.put(item.rows())
            order.append(span)
            self.extracted += 1
            yield span

    def _streamed(self, store: Store, tick: Callable[[], None] | None, newest: dict[str, tuple[str, str]],
                  spool: batch.Spool) -> Iterator[dict[str, Any]]:
        """A store that takes batches while the run goes on (a database server holds no lock
        across a run): each STREAM_BATCH new articles one transaction, so a long run is stored
        as it goes and an interrupted one keeps what it finished; each batch's statements given
        back once it is committed, from the rows just stored (read from the spool once), so the
        output keeps step with the store (and a reader that stops reading holds the run). The
        index once, at the end."""
        assert self.ruleset is not None
        order: list = []
        new = self._spooled(tick, newest, spool, order)
        while True:
            spans = list(itertools.islice(new, STREAM_BATCH))
            extracted = {span: spool.get(span) for span in spans}
            if extracted:
                stored, unchanged = store.add(list(extracted.values()))
                self.stored, self.unchanged, self.committed = self.stored + stored, self.unchanged + unchanged, True
            yield from self._given_back(store, order, extracted.__getitem__, spool)
            order.clear()
            if len(spans) < STREAM_BATCH:
                break
        self.committed = True
        if self.extracted or index.load(store, self.ruleset, None) is None:
            index.rebuild(self.ruleset)(store)

    def _given_back(self, store: Store, order: list, rows_of: Callable[[tuple[int, int]], Any],
                    spool: batch.Spool) -> Iterator[dict[str, Any]]:
        """The statements of `order`'s inputs, in order: a new extraction's rows, or an
        unchanged file's stored statements (none with `new_only`)."""
        reused = {item for item in order if isinstance(item, str)}
        found = batch.stored_rows(store, reused, spool) if reused and not self.new_only else {}
        for item in order:
            if isinstance(item, str):
                if self.new_only:
                    continue
                rows = sorted((r for span in found.get(item, ()) for r in spool.get(span)), key=lambda r: r.get("start", 0))
            else:
                rows = rows_of(item)[1]
            for row in rows:
                self.statements += 1
                yield row

    def _stored_rows(self, tick: Callable[[], None] | None) -> Iterator[dict[str, Any]]:
        # Extract into a spool beside the store, so that memory holds one extraction at a time
        # however many files (a server's run, one batch while it stores and gives it back). A
        # store file is written after the run, under its lock, so another writer waits only for
        # the storing; a server takes the batches as they come.
        from .store import is_url

        store, db = self.store, self.db
        assert store is not None and db is not None and self.ruleset is not None
        newest = store.newest()
        # the spool beside a store file (the same disk); a server's next to the system's temp files
        with batch.Spool(None if is_url(db) else Path(db).resolve().parent) as spool:
            if store.streams:
                yield from self._streamed(store, tick, newest, spool)
                return
            order: list = []  # a spooled extraction's span, or a stored article id
            spans = list(self._spooled(tick, newest, spool, order))
            if spans or (order and index.load(store, self.ruleset, None) is None):
                # unchanged files store nothing, but an index that does not match the store is rebuilt
                self.stored, unchanged = store.add(map(spool.get, spans), after=index.rebuild(self.ruleset))
                self.unchanged += unchanged
            self.committed = True
            # unchanged files give their stored statements, so the output is the same either way
            yield from self._given_back(store, order, spool.get, spool)
