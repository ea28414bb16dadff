"""The store's contract, on every backend (one parametrised fixture: a TinyDB file and a fresh
PostgreSQL database): offsets, versions, idempotence, two writers, a writer killed mid-run; and
every read command answering the same on both."""
from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrack import extract_article
from quotetrack.cli import app
from quotetrack.errors import StoreError
from quotetrack.index import rebuild
from quotetrack.rules import load_rules
from quotetrack.store import open_store

from .conftest import SAMPLE

CLI = [sys.executable, "-m", "quotetrack"]
runner = CliRunner()

FIRST = "Заглавие\n\nИван Радев заяви, че бюджетът е готов. „Ще го внесем в петък“, добави той."
SECOND = "Заглавие\n\nИван Радев заяви, че бюджетът е почти готов. „Ще го внесем в понеделник“, добави той."


def _store(target: str, *items):
    store = open_store(target, write=True)
    return store, store.add(list(items), after=rebuild(load_rules()))


def test_statements_come_back_whole_with_their_offsets(store_target: str):
    ex = extract_article(FIRST, path="/news/a.txt")
    store, counts = _store(store_target, ex)
    assert counts == (1, 0)
    reader = open_store(store_target)
    (article,) = reader.articles()
    text = reader.texts([article])[article["id"]]
    assert text == ex.article.text and "text" not in article
    assert (article["location"], article["version"]) == ("/news/a.txt", 1)
    got = list(reader.current())
    assert [{k: v for k, v in q.items() if k != "location"} for q in got] == [q.to_dict() for q in ex.quotes]
    assert all(text[q["start"]:q["end"]] == q["text"] and q["location"] == "/news/a.txt" for q in got)


def test_the_same_text_is_stored_once_and_a_change_is_the_next_version(store_target: str):
    store, _ = _store(store_target, extract_article(FIRST, path="/news/a.txt"))
    assert store.add([extract_article(FIRST, path="/news/a.txt")]) == (0, 1)
    assert store.add([extract_article(SECOND, path="/news/a.txt")]) == (1, 0)
    assert store.add([extract_article(FIRST, path="/news/a.txt")]) == (1, 0)  # reverted: a version of its own
    reader = open_store(store_target)
    versions = sorted((a["version"], a["id"]) for a in reader.articles())
    assert [v for v, _ in versions] == [1, 2, 3]
    assert len({i for _, i in versions}) == 3 and versions[2][1] == versions[0][1] + ".3"
    newest = reader.newest()["/news/a.txt"]
    assert newest[1] == versions[2][1]
    assert {q["article_id"] for q in reader.current()} == {versions[2][1]}
    assert len(reader.quotes()) == 2 * len(extract_article(FIRST).quotes) + len(extract_article(SECOND).quotes)
    # the older versions stay for `history`, text and all
    assert set(reader.texts(reader.articles()).values()) == {extract_article(FIRST).article.text,
                                                              extract_article(SECOND).article.text}


def test_the_index_matches_the_store_and_a_write_without_it_is_noticed(store_target: str):
    rules = load_rules()
    from quotetrack.index import fingerprint

    store, _ = _store(store_target, extract_article(FIRST, path="/news/a.txt"))
    rows = open_store(store_target).read_index(fingerprint(rules))
    assert rows is not None and [r["name"] for r in rows] == ["Иван Радев"]
    statements = open_store(store_target).indexed_statements(rows)
    assert {s["person"] for s in statements} == {"Иван Радев"} and len(statements) == 2
    # a writer that keeps no index: the old one is no longer used
    open_store(store_target, write=True).add([extract_article("Друго\n\nМария Колева заяви, че пътят е готов.",
                                                              path="/news/b.txt")])
    assert open_store(store_target).read_index(fingerprint(rules)) is None
    assert open_store(store_target).read_index("other rules") is None


def _folder(root: Path, name: str, n: int) -> Path:
    folder = root / name
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(n):
        (folder / f"{name}-{i:04d}.txt").write_text(text + f"\nБележка {name} {i}.\n", encoding="utf-8")
    return folder


def _state(target: str) -> dict[str, int]:
    """Each stored file and how many statements its newest version has; every stored article
    has all of them (an article never lands without its statements)."""
    reader = open_store(target)
    per: dict[str, int] = {}
    for q in reader.current():
        per[q["path"]] = per.get(q["path"], 0) + 1
    paths = {a["path"] for a in reader.articles()}
    assert set(per) == paths
    assert set(per.values()) <= {len(extract_article(SAMPLE.read_text(encoding="utf-8")).quotes)}
    return per


def test_two_writers_at_once_store_every_file_once(store_target: str, tmp_path: Path):
    one, two = _folder(tmp_path, "one", 30), _folder(tmp_path, "two", 30)
    both = [one, two, *sorted(one.iterdir())[:10]]  # ten files that both writers bring
    procs = [subprocess.Popen([*CLI, "extract", *map(str, args), "--db", store_target, "-q", "--format", "jsonl"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for args in ([one, two], both[::-1])]
    assert [p.wait() for p in procs] == [0, 0], [p.stderr.read() for p in procs]
    state = _state(store_target)
    assert len(state) == 60
    assert len(open_store(store_target).articles()) == 60  # stored once, not once per writer


def test_a_writer_killed_mid_run_leaves_the_store_before_or_after(store_target: str, tmp_path: Path):
    seed, more = _folder(tmp_path, "seed", 5), _folder(tmp_path, "more", 80)

    def extract(folder: Path, target: str) -> subprocess.Popen:
        return subprocess.Popen([*CLI, "extract", str(folder), "--db", target, "-q", "--jobs", "1"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    assert extract(seed, store_target).wait() == 0
    before = _state(store_target)
    started = time.monotonic()
    assert extract(more, store_target).wait() == 0
    whole = time.monotonic() - started
    after = _state(store_target)
    assert len(after) == 85
    _reset(store_target, "more")
    assert _state(store_target) == before
    for k in (3, 6, 8, 9):  # kill points over the run, the storing at its end among them
        proc = extract(more, store_target)
        time.sleep(whole * k / 10)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert _state(store_target) in (before, after)
        _reset(store_target, "more")
    assert extract(more, store_target).wait() == 0 and _state(store_target) == after


def _reset(target: str, folder: str) -> None:
    """The store as it was before `folder` was stored."""
    if target.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(target, autocommit=True) as conn:
            conn.execute("DELETE FROM qt_articles WHERE path LIKE %s", (f"%/{folder}/%",))
            conn.execute("UPDATE qt_articles SET current = true")  # one version per file here
        return
    store = open_store(target)
    data = json.loads(Path(target).read_text(encoding="utf-8"))
    keep = {k: a for k, a in data["articles"].items() if f"/{folder}/" not in a["path"]}
    gone = {a["id"] for a in data["articles"].values()} - {a["id"] for a in keep.values()}
    assert not gone or store.quotes()
    data["articles"] = keep
    # the parts that hold only the removed articles' statements are dropped from the list
    parts = {}
    for k, entry in data.get("parts", {}).items():
        part = json.loads((Path(target + ".parts") / entry["file"]).read_text(encoding="utf-8"))
        if not {q["article_id"] for q in part["quotes"].values()} <= gone:
            parts[k] = entry
    data["parts"] = parts
    Path(target).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


# -- the command line, the same on both -----------------------------------------------------------

def _corpus(root: Path) -> Path:
    folder = root / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.txt").write_text("14 Март, 2026\n\nПенсиите\n\nФинансовият министър Елена Петрова заяви: "
                                  "„Парите са осигурени и няма забавяне.“\n/БТА/\n", encoding="utf-8")
    (folder / "c.txt").write_text("15 Март, 2026\n\nСиндикатите\n\n„Ние ще настояваме за преговори още тази "
                                  "седмица“, каза Стефан Колев, цитиран от Ройтерс.\n", encoding="utf-8")
    return folder


STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")  # when a store took an article

READS = [
    ["speakers", "--format", "json"],
    ["quotes", "--format", "json"],
    ["quotes", "--speaker", "Петрова", "--format", "json"],
    ["quotes", "--speaker", "Elena Petrova", "--kind", "direct", "--format", "json"],
    ["quotes", "--agency", "BTA", "--format", "jsonl"],
    ["quotes", "--source", "Reuters", "--format", "csv"],
    ["audit", "--format", "json"],
    ["diff", "--speaker", "Петрова", "--format", "json"],
    ["history", "{news}/b.txt", "--format", "json"],
    ["diff", "{news}/a.txt", "{news}/b.txt", "--format", "json"],
]


def test_every_read_command_answers_the_same_on_both_backends(tmp_path: Path, pg_url: str):
    news = _corpus(tmp_path)
    tiny = str(tmp_path / "q.json")
    for db in (tiny, pg_url):
        assert runner.invoke(app, ["extract", str(news), "--db", db, "-q", "--format", "jsonl"]).exit_code == 0
    (news / "b.txt").write_text((news / "b.txt").read_text(encoding="utf-8").replace("няма забавяне", "няма да има забавяне"),
                                encoding="utf-8")
    for db in (tiny, pg_url):  # a second version of b.txt, for history
        assert runner.invoke(app, ["extract", str(news), "--db", db, "-q", "--format", "jsonl"]).exit_code == 0
    moved = news.rename(tmp_path / "gone")  # stored articles are read from the store, not the files
    try:
        for args in READS:
            args = [a.format(news=news) for a in args]
            answers = [runner.invoke(app, [*args, "--db", db]) for db in (tiny, pg_url)]
            assert [a.exit_code for a in answers] == [0, 0], (args, [a.stderr for a in answers])
            # when each store took an article (`history` shows it) is the one thing they may differ in
            assert STAMP.sub("T", answers[0].stdout) == STAMP.sub("T", answers[1].stdout), args
            assert answers[0].stdout.strip() not in ("", "[]"), args
    finally:
        moved.rename(news)
    sqlite = [tmp_path / "t.db", tmp_path / "p.db"]
    for db, out in zip((tiny, pg_url), sqlite):
        assert runner.invoke(app, ["export", "--sqlite", str(out), "--db", db]).exit_code == 0
    import sqlite3

    dumps = [STAMP.sub("T", "\n".join(sqlite3.connect(out).iterdump())) for out in sqlite]
    assert dumps[0] == dumps[1] and dumps[0].count("INSERT INTO") > 10


def test_a_database_url_is_never_a_file_and_a_bad_server_is_one_line(tmp_path: Path, pg_url: str, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text(FIRST, encoding="utf-8")
    wrong = pg_url.replace("qt:qt@", "qt:wrong@")
    unreachable = "postgresql://qt:qt@127.0.0.1:1/quotes"
    for db, said in ((wrong, "password authentication failed"), (unreachable, "cannot connect"),
                     ("mysql://host/db", "not a store quotetrack knows")):
        for args in (["extract", str(article)], ["speakers"], ["quotes", "--speaker", "Радев"], ["audit"]):
            result = runner.invoke(app, [*args, "--db", db])
            assert result.exit_code == 1 and said in result.stderr and len(result.stderr.strip().splitlines()) == 1
            assert "wrong" not in result.stderr  # the password is never printed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no file named like a URL


def test_a_database_that_is_not_a_store_is_refused_and_left_untouched(pg_url: str):
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (n integer)")
    with pytest.raises(StoreError, match="not a quotetrack store"):
        open_store(pg_url, write=True).add([extract_article(FIRST, path="a.txt")])
    with pytest.raises(StoreError, match="not a quotetrack store"):
        list(open_store(pg_url).current())
    with psycopg.connect(pg_url) as conn:
        tables = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
    assert tables == ["invoices"]


def test_an_empty_database_is_no_store_yet_for_a_reader(pg_url: str):
    result = runner.invoke(app, ["speakers", "--db", pg_url])
    assert result.exit_code == 1 and "no quotetrack store in this database yet" in result.stderr



def test_a_store_of_an_older_schema_is_migrated_by_its_next_writer_and_keeps_what_it_held(pg_url: str, monkeypatch):
    import psycopg

    from quotetrack.store import postgres

    monkeypatch.setattr(postgres, "SCHEMA", 1)  # the first schema, as the first release made it
    open_store(pg_url, write=True).add([extract_article(FIRST, path="/news/a.txt")])
    monkeypatch.undo()
    (first,) = [a["id"] for a in open_store(pg_url).articles()]
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT value FROM quotetrack_meta WHERE key = 'schema'").fetchone() == ("1",)
    store = open_store(pg_url, write=True)
    assert store.add([extract_article(FIRST, path="/news/a.txt")]) == (0, 1)  # what it held, still known
    assert store.add([extract_article(SECOND, path="/news/a.txt")]) == (1, 0)
    assert store.add([extract_article(FIRST, path="/news/a.txt")]) == (1, 0)
    versions = sorted((a["version"], a["id"]) for a in open_store(pg_url).articles())
    assert versions[0] == (1, first) and versions[2] == (3, first + ".3")  # a text changed back: its own id
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT value FROM quotetrack_meta WHERE key = 'schema'").fetchone() == (str(postgres.SCHEMA),)
        indexes = {r[0] for r in conn.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'qt_articles'")}
    assert "qt_articles_id_base" in indexes  # a version's id is found without reading every article

@pytest.mark.parametrize("typed, shown", [
    ("postgresql://qt:secret@db.example:5432/quotes", "postgresql://qt@db.example:5432/quotes"),
    ("postgresql://:secret@db.example/quotes", "postgresql://db.example/quotes"),
    ("postgresql://db.example/quotes?password=secret&sslmode=require", "postgresql://db.example/quotes?sslmode=require"),
    ("postgresql://reader@db.example/quotes", "postgresql://reader@db.example/quotes"),
    ("news/quotes.json", "news/quotes.json"),
])
def test_a_store_is_named_without_its_password(typed: str, shown: str):
    from quotetrack.store import describe

    assert describe(typed) == shown


def test_reading_a_store_file_that_is_not_there_is_refused(tmp_path: Path):
    with pytest.raises(StoreError, match="no store here yet"):
        open_store(tmp_path / "typo.json")
    assert not (tmp_path / "typo.json").exists()


def test_articles_from_standard_input_and_one_name_typed_in_two_folders_are_all_kept(
        store_target: str, tmp_path: Path, monkeypatch):
    """Standard input's articles have no file: each is its own. The same relative name with
    the same text, stored from two folders, is two files: both stored, under ids of their own."""
    for text in (FIRST, "Друго\n\nМария Колева заяви, че пътят е готов."):
        result = runner.invoke(app, ["extract", "-", "--db", store_target, "-q", "--format", "jsonl"], input=text)
        assert result.exit_code == 0, result.stderr
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(SECOND, encoding="utf-8")
        monkeypatch.chdir(tmp_path / folder)
        result = runner.invoke(app, ["extract", "x.txt", "--db", store_target, "-q", "--format", "jsonl"])
        assert result.exit_code == 0, result.stderr
    reader = open_store(store_target)
    ids = [a["id"] for a in reader.articles()]
    assert len(ids) == len(set(ids)) == 4
    speakers = json.loads(runner.invoke(app, ["speakers", "--db", store_target, "--format", "json"]).stdout)
    assert {s["name"] for s in speakers} == {"Иван Радев", "Мария Колева"}
    assert len({q["article_id"] for q in reader.current()}) == 4


def test_a_long_run_into_a_server_is_stored_batch_by_batch(pg_url: str, tmp_path: Path, monkeypatch):
    from quotetrack import ingest

    monkeypatch.setattr(ingest, "STREAM_BATCH", 3)
    news = _folder(tmp_path, "many", 10)
    result = runner.invoke(app, ["extract", str(news), "--db", pg_url, "-q", "--format", "jsonl", "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    import psycopg

    with psycopg.connect(pg_url) as conn:
        generation = conn.execute("SELECT value FROM quotetrack_meta WHERE key = 'generation'").fetchone()[0]
    assert generation == "4"  # 10 articles in transactions of 3: four batches
    assert len(_state(pg_url)) == 10
    assert [r["count"] for r in json.loads(runner.invoke(app, ["speakers", "--db", pg_url, "--format", "json"]).stdout)][0] >= 10


def test_a_server_run_gives_each_batch_back_once_it_is_stored_unchanged_files_in_their_place(
        pg_url: str, tmp_path: Path, monkeypatch):
    from quotetrack import ingest

    monkeypatch.setattr(ingest, "STREAM_BATCH", 3)
    news = _folder(tmp_path, "many", 8)
    list(ingest.Ingest([str(news / "many-0001.txt"), str(news / "many-0004.txt")], db=pg_url, jobs=1).rows())
    plain = list(ingest.Ingest([str(news)], jobs=1).rows())
    per_article = len(plain) // 8

    run = ingest.Ingest([str(news)], db=pg_url, jobs=1)
    rows = run.rows()
    first = next(rows)
    # the first batch (three new files; the unchanged 0001 in its place) is stored, the rest not yet
    assert len(_state(pg_url)) == 2 + 3 and run.stored == 3
    given = [first, *rows]
    assert [(r["path"], r["start"], r["text"]) for r in given] == [(r["path"], r["start"], r["text"]) for r in plain]
    assert run.stored == 6 and run.unchanged == 2 and run.statements == 8 * per_article
    assert len(_state(pg_url)) == 8


def test_extract_piped_into_a_reader_that_stops_early_still_stores_every_file(store_target: str, tmp_path: Path,
                                                                             monkeypatch):
    from quotetrack import ingest, render

    monkeypatch.setattr(ingest, "STREAM_BATCH", 2)

    def head(rows, fmt, **_):  # `| head -1`: one record read, then the pipe is closed
        next(iter(rows))
        raise BrokenPipeError

    monkeypatch.setattr(render, "records", head)
    news = _folder(tmp_path, "piped", 7)
    result = runner.invoke(app, ["extract", str(news), "--db", store_target, "--format", "jsonl", "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    assert "stored 7 articles" in result.stderr
    assert len(_state(store_target)) == 7
    monkeypatch.undo()
    speakers = json.loads(runner.invoke(app, ["speakers", "--db", store_target, "--format", "json"]).stdout)
    assert speakers[0]["count"] >= 7  # the index was built after the last batch


def test_a_password_is_never_shown_whatever_it_holds(pg_url: str):
    from quotetrack.store import describe

    for secret in ("pa#ss", "p/a?s", "a@b", "sec%zzret"):
        url = pg_url.replace("qt:qt@", f"qt:{secret}@")
        result = runner.invoke(app, ["speakers", "--db", url])
        assert result.exit_code == 1 and secret not in result.stderr and len(result.stderr.strip().splitlines()) == 1
        assert secret not in describe(url)


def test_without_a_store_a_reader_that_stops_early_stops_the_run(tmp_path: Path, monkeypatch):
    from quotetrack import batch, render

    extracted = []
    real = batch.extract_file
    monkeypatch.setattr(batch, "extract_file", lambda job, source=None: extracted.append(job[0]) or real(job, source))

    def head(rows, fmt, **_):
        next(iter(rows))
        raise BrokenPipeError

    monkeypatch.setattr(render, "records", head)
    news = _folder(tmp_path, "peek", 6)
    result = runner.invoke(app, ["extract", str(news), "--no-store", "--format", "jsonl", "--jobs", "1"])
    assert result.exit_code == 1  # as every command whose reader went away
    assert len(extracted) == 1  # nothing to store, so nothing more is extracted


def test_an_output_that_cannot_be_written_is_named_once_and_the_files_are_stored(store_target: str, tmp_path: Path,
                                                                               monkeypatch):
    import errno

    from quotetrack import ingest, render

    monkeypatch.setattr(ingest, "STREAM_BATCH", 2)

    def full_disk(rows, fmt, **_):
        next(iter(rows))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(render, "records", full_disk)
    news = _folder(tmp_path, "full", 5)
    result = runner.invoke(app, ["extract", str(news), "--db", store_target, "--format", "jsonl", "-q", "--jobs", "1"])
    assert result.exit_code == 1
    assert result.stderr.strip() == "quotetrack: cannot write the output (No space left on device); storing goes on"
    assert len(_state(store_target)) == 5
