"""`quotetrack export --sqlite`: the store as a SQLite database, the same statements `quotes` lists."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrack import export as export_module
from quotetrack.cli import app
from quotetrack.render import QUOTE_FIELDS

runner = CliRunner()

ARTICLES = {
    "most.txt": "Министър обеща нов мост\n\n"
                "„Мостът над Дунав ще бъде готов до есента“, заяви министърът на регионалното развитие "
                "Мария Стоянова пред БНР.\n\nПо думите ѝ, финансирането е осигурено.\n",
    "bilet.txt": "15 Април, 2026\n\nКметът: Градският транспорт поскъпва\n\n"
                 "„Билетът ще струва два лева от май“, каза кметът Петър Василев, цитиран от БТА.\n\n"
                 "Опозицията смята, че решението е прибързано.\n",
    "vaksini.txt": "3 Май, 2026\n\nЛекарите искат повече ваксини\n\n"
                   "„Нуждаем се от нови ваксини преди зимата“, заяви председателят на лекарския съюз "
                   "Димитър Колев пред Ройтерс.\n\nСпоред Колев болниците са готови.\n",
}


def _store(tmp_path: Path, names=tuple(ARTICLES)) -> Path:
    folder = tmp_path / "news"
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    db = tmp_path / "q.json"
    result = runner.invoke(app, ["extract", *(str(folder / n) for n in names), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return db


def _listed(db: Path) -> list[dict]:
    result = runner.invoke(app, ["quotes", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _export(db: Path, out: Path):
    return runner.invoke(app, ["export", "--sqlite", str(out), "--db", str(db)])


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def test_export_writes_the_statements_quotes_lists(tmp_path: Path):
    db = _store(tmp_path)
    out = tmp_path / "quotes.db"
    result = _export(db, out)
    assert result.exit_code == 0, result.output
    listed = _listed(db)
    assert len(listed) >= 3
    assert result.stderr.strip() == f"exported {len(listed)} statements from 3 articles to {out}"
    conn = sqlite3.connect(out)
    conn.row_factory = sqlite3.Row
    assert _columns(conn, "articles") == ["id", "path", "title", "date", "agency", "sha256", "version",
                                          "extracted_at", "statements"]
    assert _columns(conn, "quotes") == ["id", *QUOTE_FIELDS, "person"]
    rows = [dict(r) for r in conn.execute("SELECT * FROM quotes ORDER BY id")]
    assert len(rows) == len(listed)
    # the same records in the same order; via as a JSON list
    assert [{**r, "via": json.loads(r["via"])} for r in rows] == [{"id": n, **q} for n, q in enumerate(listed, 1)]
    articles = [dict(r) for r in conn.execute("SELECT * FROM articles")]
    assert len(articles) == 3
    assert {a["id"] for a in articles} == {q["article_id"] for q in listed}
    for a in articles:
        assert a["statements"] == sum(q["article_id"] == a["id"] for q in listed)
        assert a["version"] == 1 and len(a["sha256"]) == 64 and a["extracted_at"]
    assert sum(a["statements"] for a in articles) == len(listed)
    assert {a["path"] for a in articles} == {str(tmp_path / "news" / n) for n in ARTICLES}


def test_the_database_has_the_foreign_key_and_the_facet_indexes(tmp_path: Path):
    db = _store(tmp_path)
    out = tmp_path / "quotes.db"
    assert _export(db, out).exit_code == 0
    conn = sqlite3.connect(out)
    fks = [(r[2], r[3], r[4]) for r in conn.execute("PRAGMA foreign_key_list(quotes)")]
    assert fks == [("articles", "article_id", "id")]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert [r[5] for r in conn.execute("PRAGMA table_info(articles)") if r[1] == "id"] == [1]  # the primary key
    indexed = {conn.execute(f"PRAGMA index_info({r[1]})").fetchone()[2] for r in conn.execute("PRAGMA index_list(quotes)")
               if not r[1].startswith("sqlite_autoindex")}
    assert {"article_id", "speaker", "person", "kind", "agency", "source", "date", "verb_lemma"} <= indexed
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_full_text_search_finds_the_statement(tmp_path: Path):
    db = _store(tmp_path)
    out = tmp_path / "quotes.db"
    assert _export(db, out).exit_code == 0
    expected = sorted(q["text"] for q in _listed(db) if "ваксини" in q["text"].casefold())
    assert expected  # the direct quote of vaksini.txt
    conn = sqlite3.connect(out)
    found = conn.execute("SELECT quotes.text, quotes.person FROM quotes_fts JOIN quotes ON quotes.id = quotes_fts.rowid "
                         "WHERE quotes_fts MATCH 'ваксини'").fetchall()
    assert sorted(text for text, _ in found) == expected
    assert {person for _, person in found} == {"Димитър Колев"}
    # case-folded Cyrillic, and the person's name is searchable too
    assert conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'ДУНАВ'").fetchone()[0] == 1
    by_name = conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'person:Василев'").fetchone()[0]
    assert by_name == sum(q["person"] == "Петър Василев" for q in _listed(db)) > 0


def test_only_the_newest_version_of_an_article_is_exported(tmp_path: Path):
    db = _store(tmp_path, ("most.txt",))
    path = tmp_path / "news" / "most.txt"
    path.write_text(ARTICLES["most.txt"].replace("есента", "пролетта"), encoding="utf-8")
    assert runner.invoke(app, ["extract", str(path), "--db", str(db), "--quiet"]).exit_code == 0
    out = tmp_path / "quotes.db"
    assert _export(db, out).exit_code == 0
    conn = sqlite3.connect(out)
    assert conn.execute("SELECT version FROM articles").fetchall() == [(2,)]
    texts = [t for (t,) in conn.execute("SELECT text FROM quotes ORDER BY id")]
    assert texts == [q["text"] for q in _listed(db)]
    assert any("пролетта" in t for t in texts) and not any("есента" in t for t in texts)


def test_a_second_export_replaces_the_database(tmp_path: Path):
    db = _store(tmp_path, ("most.txt",))
    out = tmp_path / "quotes.db"
    assert _export(db, out).exit_code == 0
    conn = sqlite3.connect(out)
    conn.execute("CREATE TABLE mine (x)")
    conn.commit()
    conn.close()
    db = _store(tmp_path)  # the other two articles join the store
    result = _export(db, out)
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(out)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "mine" not in tables and {"articles", "quotes", "quotes_fts"} <= tables
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == len(_listed(db))
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".quotes.db")) == []  # no temporary file left


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path: Path):
    db = _store(tmp_path, ("bilet.txt",))
    out = tmp_path / "notes.txt"
    out.write_text("мои бележки\n", encoding="utf-8")
    result = _export(db, out)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"quotetrack: {out}: exists and is not a SQLite database; left untouched (give another file)"]
    assert out.read_text(encoding="utf-8") == "мои бележки\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["news", "notes.txt", *(p.name for p in tmp_path.glob("q.json*"))])


def test_a_failed_export_leaves_the_old_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    db = _store(tmp_path, ("bilet.txt",))
    out = tmp_path / "quotes.db"
    assert _export(db, out).exit_code == 0
    before = out.read_bytes()

    def broken(path, articles, quotes):
        path.write_bytes(b"SQLite format 3\x00half")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(export_module, "_write", broken)
    result = _export(_store(tmp_path), out)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"quotetrack: {out}: cannot write the database: disk I/O error"]
    assert out.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".quotes.db")]


def test_a_missing_store_is_the_error_every_read_command_gives(tmp_path: Path):
    db = tmp_path / "none.json"
    out = tmp_path / "quotes.db"
    result = _export(db, out)
    quotes = runner.invoke(app, ["quotes", "--db", str(db)])
    assert result.exit_code == quotes.exit_code == 1
    assert result.stderr == quotes.stderr and len(result.stderr.splitlines()) == 1
    assert not out.exists()


def test_a_folder_or_a_missing_folder_is_refused_in_one_line(tmp_path: Path):
    db = _store(tmp_path, ("bilet.txt",))
    for target, message in ((tmp_path / "news", "is a folder, not a database file"),
                            (tmp_path / "nowhere" / "q.db", "no such folder")):
        result = _export(db, target)
        assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1 and message in result.stderr


def test_export_has_help_with_an_example():
    result = runner.invoke(app, ["export", "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout and "--sqlite" in result.stdout
