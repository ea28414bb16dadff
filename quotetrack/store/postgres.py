"""The PostgreSQL store (psycopg 3): a store a newsroom shares, written by any number of
quotetrack processes at once and read by dashboards. FORMAT.md describes the tables.

Each batch of articles is one transaction: a writer killed at any moment leaves the store as it
was before the batch or after it. Rows go in with COPY. The batch holds a transaction-scoped
advisory lock while it compares content hashes and copies its rows (milliseconds; extraction,
the slow part, runs outside it), and `(location, version)` is unique, so two writers storing
the same file at once store it once. Reads filter and group in SQL; the speaker index lives in
two tables, rebuilt once a run has stored what it brings (the `index.rebuild` hook).
"""
from __future__ import annotations

import os
from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

import orjson

from ..errors import StoreError
from ..models import PEOPLE_KEYS, ArticleRecord, Extraction, Rows, Slim, StatementRecord
from .base import Resolver, Store
from .records import sound_quote, unique_id

try:
    import psycopg
    from psycopg.types.json import set_json_loads
except ImportError:  # pragma: no cover - the error says what to install
    psycopg = None  # type: ignore[assignment]

FORMAT = "quotetrack"
BATCH = 1000  # articles per transaction: what a killed writer can lose, and what one COPY carries
LOCK = 0x71756F7465  # the advisory lock a batch (and an index rebuild) holds: "quote"
CURSOR_ROWS = 5000  # rows a server-side cursor brings at a time

# MIGRATIONS[n] brings schema n to n + 1, in one transaction; SCHEMA is where they end.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE quotetrack_meta (key text PRIMARY KEY, value text NOT NULL);
    CREATE TABLE qt_articles (
        pk bigserial PRIMARY KEY,
        id text NOT NULL UNIQUE,
        location text NOT NULL,
        version integer NOT NULL,
        sha256 text NOT NULL,
        path text,
        date text,
        agency text,
        current boolean NOT NULL,
        doc jsonb NOT NULL,
        text text NOT NULL,
        UNIQUE (location, version)
    );
    CREATE INDEX qt_articles_current ON qt_articles (location) WHERE current;
    CREATE INDEX qt_articles_date ON qt_articles (date);
    CREATE INDEX qt_articles_agency ON qt_articles (agency);
    CREATE TABLE qt_statements (
        pk bigserial PRIMARY KEY,
        article_pk bigint NOT NULL REFERENCES qt_articles (pk) ON DELETE CASCADE,
        seq integer NOT NULL,
        speaker text,
        kind text NOT NULL,
        source text,
        date text,
        agency text,
        location text NOT NULL,
        doc jsonb NOT NULL
    );
    CREATE INDEX qt_statements_article ON qt_statements (article_pk, seq);
    CREATE INDEX qt_statements_speaker ON qt_statements (speaker);
    CREATE INDEX qt_statements_source ON qt_statements (source);
    CREATE INDEX qt_statements_agency ON qt_statements (agency);
    CREATE INDEX qt_statements_date ON qt_statements (date);
    CREATE TABLE qt_people (rank integer PRIMARY KEY, name text NOT NULL, row jsonb NOT NULL);
    CREATE TABLE qt_person_of (statement_pk bigint PRIMARY KEY, rank integer NOT NULL);
    CREATE INDEX qt_person_of_rank ON qt_person_of (rank);
    INSERT INTO quotetrack_meta VALUES ('format', 'quotetrack'), ('generation', '0');
    """,
    # the base of a version's id ("ID.2") found by an index: each batch asked for its ids by
    # scanning every stored article, quadratic in the store (738 articles/s at 100,000), and
    # analysed at once, or a migrated store's planner keeps the scan until autovacuum's turn.
    # Article texts compressed with lz4 (pglz was a batch's next cost) where the server has it
    # (14 and later, built with lz4), and only when no reader holds the table: the ALTER waits
    # for every open read, and every writer would wait behind it
    """
    CREATE INDEX IF NOT EXISTS qt_articles_id_base ON qt_articles (split_part(id, '.', 1));
    ANALYZE qt_articles;
    DO $$ BEGIN
        IF current_setting('server_version_num')::int >= 140000 THEN
            SET LOCAL lock_timeout = '2s';
            EXECUTE 'ALTER TABLE qt_articles ALTER COLUMN text SET COMPRESSION lz4';
            RESET lock_timeout;
        END IF;
    EXCEPTION WHEN feature_not_supported OR lock_not_available THEN NULL;
    END $$;
    """,
]
SCHEMA = len(MIGRATIONS)


def _location(article: ArticleRecord) -> str | None:
    """The file an article is, however its path was typed (None: standard input)."""
    typed = article.get("path")
    return os.path.abspath(typed) if typed else None


def _one_line(exc: BaseException, url: str = "") -> str:
    """What libpq says, without its framing ("password authentication failed for user ..."),
    and never the URL or the password it may quote."""
    from . import describe, password_of

    lines = str(exc).strip().splitlines()
    text = lines[0] if lines else type(exc).__name__
    if "FATAL:" in text:
        text = text.split("FATAL:", 1)[1].strip()
    else:
        text = text.rsplit(" failed: ", 1)[-1].strip()
    secret = password_of(url) if url else None
    if url:
        text = text.replace(url, describe(url))
    if secret:
        text = text.replace(secret, "***")
    return text


class PostgresStore:
    """Articles and their statements in a PostgreSQL database."""

    def __init__(self, url: str, *, write: bool = False, connect_timeout: int = 10) -> None:
        from . import describe

        self.name = describe(url)
        self._url = url  # kept out of every message (_one_line)
        self.streams = True  # batches go in while a run goes on: no lock is held across it
        self.writer = write  # a writer creates the tables on first use, a reader never does
        if psycopg is None:
            raise StoreError(f"{self.name}: a PostgreSQL store needs psycopg: pip install 'quotetrack[postgres]'")
        try:
            self.conn = psycopg.connect(url, connect_timeout=connect_timeout, application_name="quotetrack")
        except psycopg.Error as exc:
            raise StoreError(f"{self.name}: cannot connect: {_one_line(exc, url)}") from None
        except ValueError as exc:  # a URL libpq cannot read
            raise StoreError(f"{self.name}: not a database URL quotetrack can use ({_one_line(exc, url)})") from None
        set_json_loads(orjson.loads, self.conn)
        self.schema: int | None = None  # read on first use

    # -- the schema -----------------------------------------------------------------------

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except psycopg.Error as exc:
            if not self.conn.closed:
                self.conn.rollback()
            raise StoreError(f"{self.name}: {_one_line(exc, self._url)}") from None

    def _ready(self, *, write: bool) -> bool:
        """Check (and, writing, create or migrate) the tables. Reading a database that holds
        no store yet is refused in one line, as a store file that does not exist is."""
        write = write or self.writer
        if self.schema == SCHEMA or (self.schema is not None and not write):
            return True
        with self._errors(), self.conn.transaction():
            cur = self.conn.cursor()
            if write:  # two first writers must not both create the tables
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK,))
            cur.execute("SELECT to_regclass('quotetrack_meta') IS NOT NULL")
            has_meta = cur.fetchone()[0]  # type: ignore[index]
            if not has_meta:
                cur.execute("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")
                if cur.fetchone()[0]:  # type: ignore[index]
                    raise StoreError(f"{self.name}: not a quotetrack store (it holds other tables); "
                                     "nothing written (use an empty database)")
                if not write:
                    raise StoreError(f"{self.name}: no quotetrack store in this database yet "
                                     f"(run `quotetrack extract FILES --db URL` first)")
                schema = 0
            else:
                cur.execute("SELECT key, value FROM quotetrack_meta WHERE key IN ('format', 'schema')")
                meta: dict[str, str] = dict(cur.fetchall())
                if meta.get("format") != FORMAT:
                    raise StoreError(f"{self.name}: not a quotetrack store; nothing written")
                schema = int(meta.get("schema", "1"))
                if schema > SCHEMA:
                    raise StoreError(f"{self.name}: made by a newer quotetrack (schema {schema})")
            if not write:  # a reader reads an older schema as it is (it may not own the tables)
                self.schema = schema
                return True
            for step in range(schema, SCHEMA):
                cur.execute(MIGRATIONS[step])
            if schema < SCHEMA:
                cur.execute("INSERT INTO quotetrack_meta VALUES ('schema', %s) "
                            "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", (str(SCHEMA),))
        self.schema = SCHEMA
        return True

    def _meta(self, cur: Any) -> dict[str, str]:
        cur.execute("SELECT key, value FROM quotetrack_meta")
        return dict(cur.fetchall())

    # -- writing --------------------------------------------------------------------------

    def add(self, items: Iterable[Extraction | Rows], *, after: Callable[[Store], None] | None = None,
            ) -> tuple[int, int]:
        self._ready(write=True)
        stored = unchanged = 0
        batch: list[Rows] = []
        for item in items:
            batch.append(item.rows() if isinstance(item, Extraction) else item)
            if len(batch) >= BATCH:
                s, u = self._store(batch)
                stored, unchanged, batch = stored + s, unchanged + u, []
        if batch:
            s, u = self._store(batch)
            stored, unchanged = stored + s, unchanged + u
        if after is not None:
            after(self)
        return stored, unchanged

    def _store(self, batch: list[Rows]) -> tuple[int, int]:
        """One transaction: which articles are new versions, then their rows by COPY."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        located = [(_location(a), a, qs) for a, qs in batch]
        with self._errors(), self.conn.transaction():
            cur = self.conn.cursor()
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK,))
            keys = sorted({loc or "" for loc, _, _ in located})
            cur.execute("SELECT location, version, sha256, id FROM qt_articles WHERE location = ANY(%s)", (keys,))
            known: dict[str, list[tuple[int, str, str]]] = {}
            for loc, version, sha, aid in cur.fetchall():
                known.setdefault(loc, []).append((version, sha, aid))
            bases = sorted({a["id"].split(".")[0] for _, a, _ in located})  # an id and its versions' ids
            cur.execute("SELECT id FROM qt_articles WHERE split_part(id, '.', 1) = ANY(%s)", (bases,))
            taken = {aid for (aid,) in cur.fetchall()}
            new: list[tuple[dict[str, Any], str, list[StatementRecord]]] = []
            for loc, article, quotes in located:
                versions = known.setdefault(loc or "", [])
                latest = max(versions, default=None)
                if latest is not None and latest[1] == article["sha256"]:
                    continue  # the same text as the newest version (a reverted file is a new one)
                version = max((v for v, _, _ in versions), default=0) + 1
                doc: dict[str, Any] = {**article, "location": loc, "version": version, "extracted_at": now}
                doc["id"] = unique_id(doc["id"], version, taken)
                taken.add(doc["id"])
                versions.append((doc["version"], doc["sha256"], doc["id"]))
                new.append((doc, loc or "", quotes))
            if new:
                self._copy(cur, new)
        return len(new), len(batch) - len(new)

    def _copy(self, cur: Any, new: list[tuple[dict[str, Any], str, list[StatementRecord]]]) -> None:
        cur.execute("SELECT nextval(pg_get_serial_sequence('qt_articles', 'pk')) FROM generate_series(1, %s)",
                    (len(new),))
        pks = [row[0] for row in cur.fetchall()]
        # standard input's articles (no location) are each their own article, as in records.newest
        cur.execute("UPDATE qt_articles SET current = false WHERE current AND location = ANY(%s)",
                    (sorted({loc for _, loc, _ in new if loc}),))
        newest = {loc: i for i, (_, loc, _) in enumerate(new)}  # a file twice in one batch: its last text
        with cur.copy("COPY qt_articles (pk, id, location, version, sha256, path, date, agency, current, doc, text) "
                      "FROM STDIN") as copy:
            for i, (doc, loc, _) in enumerate(new):
                text = doc.pop("text")
                copy.write_row((pks[i], doc["id"], loc, doc["version"], doc["sha256"], doc.get("path"), doc.get("date"),
                                doc.get("agency"), not loc or newest[loc] == i, orjson.dumps(doc).decode(), text))
        with cur.copy("COPY qt_statements (article_pk, seq, speaker, kind, source, date, agency, location, doc) "
                      "FROM STDIN") as copy:
            for pk, (doc, loc, quotes) in zip(pks, new):
                for seq, q in enumerate(quotes):
                    record = {**q, "article_id": doc["id"], "location": doc["location"]}
                    copy.write_row((pk, seq, q.get("speaker"), q["kind"], q.get("source"), q.get("date"),
                                    q.get("agency"), loc, orjson.dumps(record).decode()))
        cur.execute("UPDATE quotetrack_meta SET value = (value::bigint + 1)::text WHERE key = 'generation'")

    # -- the speaker index ----------------------------------------------------------------

    def reindex(self, resolve: Resolver, fingerprint: str) -> None:
        self._ready(write=True)
        projection = ", ".join(f"s.doc->>'{k}'" for k in PEOPLE_KEYS)
        with self._errors(), self.conn.transaction():
            cur = self.conn.cursor()
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK,))  # no batch lands while it is built
            generation = self._meta(cur).get("generation", "0")
            pks = array("q")
            slim: list[Slim] = []
            shared: dict[str, str] = {}
            keep = shared.setdefault
            with self.conn.cursor(name="qt_people_read") as read:
                read.itersize = CURSOR_ROWS
                read.execute(f"SELECT s.pk, {projection} FROM qt_statements s JOIN qt_articles a ON a.pk = s.article_pk "
                             "WHERE a.current ORDER BY s.pk")
                for row in read:
                    pks.append(row[0])
                    slim.append(Slim(v if v is None else keep(v, v) for v in row[1:]))
            people, of = resolve(slim)
            del slim
            cur.execute("TRUNCATE qt_people, qt_person_of")
            with cur.copy("COPY qt_people (rank, name, row) FROM STDIN") as copy:
                for rank, person in enumerate(people):
                    copy.write_row((rank, person["name"], orjson.dumps(person).decode()))
            with cur.copy("COPY qt_person_of (statement_pk, rank) FROM STDIN") as copy:
                for pk, rank in zip(pks, of):
                    if rank >= 0:
                        copy.write_row((pk, rank))
            cur.execute("INSERT INTO quotetrack_meta VALUES ('people_generation', %s), ('people_rules', %s) "
                        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", (generation, fingerprint))

    def read_index(self, fingerprint: str) -> list[dict[str, Any]] | None:
        self._ready(write=False)
        with self._errors(), self.conn.transaction():
            cur = self.conn.cursor()
            meta = self._meta(cur)
            if meta.get("people_rules") != fingerprint or meta.get("people_generation") != meta.get("generation"):
                return None
            cur.execute("SELECT rank, row FROM qt_people ORDER BY rank")
            return [{**row, "rank": rank} for rank, row in cur.fetchall()]

    def indexed_statements(self, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        ranks, names = [row["rank"] for row in rows], [row["name"] for row in rows]
        with self._errors(), self.conn.transaction():
            cur = self.conn.cursor()
            # by rank and name: an index another writer rebuilt since `read_index` gives nothing
            # for a rank that is now someone else, never that someone's statements
            cur.execute("SELECT p.name, s.doc FROM unnest(%s::integer[], %s::text[]) WITH ORDINALITY AS w(rank, name, n) "
                        "JOIN qt_people p ON p.rank = w.rank AND p.name = w.name "
                        "JOIN qt_person_of o ON o.rank = p.rank JOIN qt_statements s ON s.pk = o.statement_pk "
                        "ORDER BY w.n, s.date DESC NULLS LAST, s.pk", (ranks, names))
            return [{"person": name, **doc} for name, doc in cur.fetchall()]

    # -- reading --------------------------------------------------------------------------

    def _stream(self, query: str, params: Sequence[Any] = ()) -> Iterator[Any]:
        """Rows of a query through a server-side cursor: a store of any size, a few thousand
        rows in memory at a time."""
        self._ready(write=False)
        with self._errors(), self.conn.transaction(), self.conn.cursor(name="qt_read") as cur:
            cur.itersize = CURSOR_ROWS
            cur.execute(query, params)
            yield from cur

    def newest(self) -> dict[str, tuple[str, str]]:
        return {loc: (sha, aid) for loc, sha, aid in
                self._stream("SELECT location, sha256, id FROM qt_articles WHERE current AND location <> ''")}

    def articles(self) -> list[ArticleRecord]:
        return [doc for (doc,) in self._stream("SELECT doc FROM qt_articles ORDER BY pk")]

    def iter_quotes(self) -> Iterator[dict[str, Any]]:
        return (doc for (doc,) in self._stream("SELECT doc FROM qt_statements ORDER BY pk"))

    def quotes(self) -> list[dict[str, Any]]:
        return list(self.iter_quotes())

    def current(self) -> Iterator[dict[str, Any]]:
        return (doc for (doc,) in self._stream(
            "SELECT s.doc FROM qt_statements s JOIN qt_articles a ON a.pk = s.article_pk WHERE a.current "
            "ORDER BY s.pk") if sound_quote(doc))

    def statements_of(self, article_ids: Collection[str]) -> Iterator[dict[str, Any]]:
        return (doc for (doc,) in self._stream(
            "SELECT s.doc FROM qt_statements s JOIN qt_articles a ON a.pk = s.article_pk WHERE a.id = ANY(%s) "
            "ORDER BY s.article_pk, s.seq", (list(article_ids),)))

    def texts(self, articles: Iterable[ArticleRecord]) -> dict[str, str]:
        ids = [a["id"] for a in articles]
        return {aid: text for aid, text in self._stream("SELECT id, text FROM qt_articles WHERE id = ANY(%s)", (ids,))}

    def close(self) -> None:
        self.conn.close()
