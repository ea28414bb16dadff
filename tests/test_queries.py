"""`speakers` and `quotes` over a store, through typer's CliRunner. The articles are written for
these tests; the people in them are fictional."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrack.cli import app

runner = CliRunner()

ARTICLES = {
    "bta/one.txt": "Бюджетът е внесен\n12.03.2024\n\nСОФИЯ /БТА/ Министърът на финансите Иван Радев заяви, "
                   "че бюджетът е балансиран. „Дефицитът ще падне“, добави Радев.",
    "bta/two.txt": "Президентът за армията\n05.06.2024\n\nСОФИЯ /БТА/ Президентът Румен Радев заяви, че армията "
                   "има нужда от нова техника.",
    "web/three.txt": "Радев и данъците\n20.01.2025\n\nФинансовият министър Иван Радев каза, че няма да има нови "
                     "данъци, предаде Ройтерс.",
    "web/four.txt": "Без дата\n\nИ. Радев коментира, че очаква бърз отговор от Брюксел.",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("news")
    for name, text in ARTICLES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    db = root / "q.json"
    result = runner.invoke(app, ["extract", str(root / "bta"), str(root / "web"), "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return db


def _json(*args: str) -> list[dict]:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_speakers_lists_each_person_once_most_statements_first(store):
    rows = _json("speakers", "--db", str(store))
    assert [(r["name"], r["count"], r["articles"]) for r in rows] == [("Иван Радев", 4, 3), ("Румен Радев", 1, 1)]
    ivan = rows[0]
    assert {"name", "count", "articles", "roles", "aliases"} <= set(ivan)
    assert "министър" in ivan["roles"] and "Радев" in ivan["aliases"] and "И. Радев" in ivan["aliases"]
    assert (ivan["direct"], ivan["partial"], ivan["indirect"]) == (1, 0, 3)
    assert (ivan["first_date"], ivan["last_date"]) == ("2024-03-12", "2025-01-20")
    assert ivan["agencies"] == ["БТА"] and ivan["sources"] == ["Ройтерс"]


def test_speakers_min_and_limit(store):
    assert [r["name"] for r in _json("speakers", "--db", str(store), "--min", "2")] == ["Иван Радев"]
    assert len(_json("speakers", "--db", str(store), "--limit", "1")) == 1


def test_speakers_csv_and_jsonl(store):
    result = runner.invoke(app, ["speakers", "--db", str(store), "--format", "csv"])
    assert result.exit_code == 0
    header, first, *_ = result.stdout.splitlines()
    assert header.startswith("name,kind,count") and first.startswith("Иван Радев,person,4")
    result = runner.invoke(app, ["speakers", "--db", str(store), "--format", "jsonl"])
    assert [json.loads(line)["name"] for line in result.stdout.splitlines()] == ["Иван Радев", "Румен Радев"]


@pytest.mark.parametrize("query", ["Иван Радев", "иван радев", "IVAN RADEV", "Ivan Radev", "И. Радев"])
def test_quotes_by_any_form_of_a_name(store, query):
    rows = _json("quotes", "--db", str(store), "--speaker", query)
    assert len(rows) == 4 and {r["person"] for r in rows} == {"Иван Радев"}


def test_quotes_are_newest_first_with_the_article_credit(store):
    rows = _json("quotes", "--db", str(store), "--speaker", "Ivan Radev")
    assert [r["date"] for r in rows] == ["2025-01-20", "2024-03-12", "2024-03-12", None]
    assert all(r["title"] and r["article_id"] for r in rows)


def test_a_surname_shared_by_two_people_gives_both_and_says_so(store):
    result = runner.invoke(app, ["quotes", "--db", str(store), "--speaker", "Радев", "--format", "jsonl"])
    assert result.exit_code == 0
    assert {json.loads(line)["person"] for line in result.stdout.splitlines()} == {"Иван Радев", "Румен Радев"}
    assert "matches Иван Радев, Румен Радев" in result.stderr


@pytest.mark.parametrize("args, expected", [
    (["--kind", "direct"], ["Дефицитът ще падне"]),
    (["--since", "2025"], ["няма да има нови данъци"]),
    (["--until", "2024-03"], ["бюджетът е балансиран.", "Дефицитът ще падне"]),
    (["--since", "2024-06-01", "--until", "2024-12-31"], ["армията има нужда от нова техника."]),
    (["--agency", "BTA", "--kind", "indirect"], ["бюджетът е балансиран.", "армията има нужда от нова техника."]),
    (["--source", "Reuters"], ["няма да има нови данъци"]),
    (["--path", "web"], ["няма да има нови данъци", "очаква бърз отговор от Брюксел."]),
    (["--path", "*/four.txt"], ["очаква бърз отговор от Брюксел."]),
    (["--speaker", "Rumen Radev", "--kind", "direct"], []),
])
def test_quotes_filters(store, args, expected):
    args = [str(store.parent / a) if a == "web" else a for a in args]
    rows = _json("quotes", "--db", str(store), *args)
    assert sorted(r["text"] for r in rows) == sorted(expected)


def test_a_typo_falls_back_and_says_what_it_matched(store):
    result = runner.invoke(app, ["quotes", "--db", str(store), "--speaker", "Румен Радеб", "--format", "jsonl"])
    assert result.exit_code == 0
    assert {json.loads(line)["person"] for line in result.stdout.splitlines()} == {"Румен Радев"}
    assert "closest: Румен Радев" in result.stderr


def test_the_table_groups_statements_by_article(store):
    result = runner.invoke(app, ["quotes", "--db", str(store), "--speaker", "Иван Радев"])
    assert result.exit_code == 0
    out = result.stdout
    assert out.index("Радев и данъците") < out.index("Бюджетът е внесен") < out.index("Без дата")
    assert "4 statements in 3 articles" in result.stderr


@pytest.mark.parametrize("args, message, code", [
    (["--speaker", "Ангела Меркел"], "no speaker in", 1),
    (["--since", "2024-13-01"], "--since: '2024-13-01' is not a date", 2),  # a bad option value: a usage mistake
    (["--since", "2025", "--until", "2024"], "is after --until", 2),
])
def test_bad_queries_are_one_line(store, args, message, code):
    result = runner.invoke(app, ["quotes", "--db", str(store), *args])
    assert result.exit_code == code
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["speakers", "quotes"])
def test_a_missing_or_foreign_store_is_one_line(tmp_path: Path, command):
    result = runner.invoke(app, [command, "--db", str(tmp_path / "none.json")])
    assert result.exit_code == 1 and "no store here yet" in result.stderr
    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"users": {"1": {"name": "x"}}}', encoding="utf-8")
    result = runner.invoke(app, [command, "--db", str(foreign)])
    assert result.exit_code == 1 and "not a quotetrack store" in result.stderr
    assert foreign.read_text(encoding="utf-8") == '{"users": {"1": {"name": "x"}}}'


def test_aliases_file_merges_and_a_broken_one_is_named(store, tmp_path: Path):
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[meta]\nsource = "test"\n\n[[person]]\nname = "Иван Радев"\naliases = ["Румен Радев"]\n',
                       encoding="utf-8")
    rows = _json("speakers", "--db", str(store), "--aliases", str(aliases))
    assert [(r["name"], r["count"]) for r in rows] == [("Иван Радев", 5)]
    aliases.write_text("[[person]\n", encoding="utf-8")
    result = runner.invoke(app, ["speakers", "--db", str(store), "--aliases", str(aliases)])
    assert result.exit_code == 1 and str(aliases) in result.stderr and "TOML" in result.stderr


def test_older_versions_of_an_article_are_not_counted_twice(tmp_path: Path):
    path = tmp_path / "a.txt"
    db = tmp_path / "q.json"
    path.write_text("Заглавие\n\nИван Радев заяви, че бюджетът е готов.", encoding="utf-8")
    runner.invoke(app, ["extract", str(path), "--db", str(db), "--format", "jsonl"])
    path.write_text("Заглавие\n\nИван Радев заяви, че бюджетът е почти готов.", encoding="utf-8")
    runner.invoke(app, ["extract", str(path), "--db", str(db), "--format", "jsonl"])
    rows = _json("quotes", "--db", str(db))
    assert [r["text"] for r in rows] == ["бюджетът е почти готов."]


@pytest.mark.parametrize("args, message", [
    (["--speaker", ""], "--speaker: '' names nothing"),
    (["--speaker", " . "], "names nothing"),
    (["--path", ""], "--path: '' names nothing"),
])
def test_empty_filters_are_refused(store, args, message):
    result = runner.invoke(app, ["quotes", "--db", str(store), *args])
    assert result.exit_code == 2 and message in result.stderr


def test_markup_in_a_query_is_shown_as_written(store):
    result = runner.invoke(app, ["quotes", "--db", str(store), "--speaker", "Радев[/]", "--format", "jsonl"])
    assert result.exit_code == 0 and "Радев[/]" in result.stderr


def test_an_aliases_file_that_is_not_utf8_is_one_line(store, tmp_path: Path):
    bad = tmp_path / "aliases.toml"
    bad.write_bytes(b"\xff\xfe[[person]]")
    result = runner.invoke(app, ["speakers", "--db", str(store), "--aliases", str(bad)])
    assert result.exit_code == 1 and "not UTF-8" in result.stderr and len(result.stderr.splitlines()) == 1


def test_records_of_the_wrong_shape_are_passed_over(tmp_path: Path):
    db = tmp_path / "q.json"
    article = {"id": "a1", "sha256": "x", "path": "a.txt", "title": "T", "date": None, "agency": None, "version": 1}
    good = {"article_id": "a1", "kind": "indirect", "text": "думи", "start": 0, "end": 4, "speaker": "Иван Петров"}
    db.write_text(json.dumps({"meta": {"1": {"format": "quotetrack", "version": 1}},
                              "articles": {"1": article, "2": {"title": "no id"}, "3": [1, 2]},
                              "quotes": {"1": good, "2": {**good, "kind": None}, "3": {**good, "speaker": 5}, "4": "text"}},
                             ensure_ascii=False), encoding="utf-8")
    for command in (["speakers"], ["quotes"], ["audit"]):
        result = runner.invoke(app, [*command, "--db", str(db), "--format", "json"])
        assert result.exit_code == 0, result.output
    rows = _json("quotes", "--db", str(db))
    assert [r["speaker"] for r in rows] == ["Иван Петров"]


def test_path_queries_do_not_depend_on_the_current_folder(tmp_path: Path, monkeypatch):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Заглавие\n\nИван Радев заяви, че бюджетът е готов.", encoding="utf-8")
    db = tmp_path / "q.json"
    monkeypatch.chdir(tmp_path)
    runner.invoke(app, ["extract", "news/a.txt", "--db", str(db), "--format", "jsonl"])
    runner.invoke(app, ["extract", str(news / "a.txt"), "--db", str(db), "--format", "jsonl"])  # the same file
    assert len(_json("quotes", "--db", str(db))) == 1
    monkeypatch.chdir(news)
    assert len(_json("quotes", "--db", str(db), "--path", "a.txt")) == 1
    assert len(_json("quotes", "--db", str(db), "--path", str(news))) == 1
    # a path that matches no stored article is a mistake, as in `audit`, not an empty answer
    missed = runner.invoke(app, ["quotes", "--db", str(db), "--path", str(tmp_path / "other")])
    assert missed.exit_code == 1 and missed.stderr.strip() == (
        f"quotetrack: quotes: no stored article matches --path {str(tmp_path / 'other')!r}")


def test_a_reverted_file_is_stored_again_and_shown(tmp_path: Path):
    path, db = tmp_path / "a.txt", tmp_path / "q.json"
    for body in ("бюджетът е готов", "бюджетът е почти готов", "бюджетът е готов"):
        path.write_text(f"Заглавие\n\nИван Радев заяви, че {body}.", encoding="utf-8")
        runner.invoke(app, ["extract", str(path), "--db", str(db), "--format", "jsonl"])
    assert [r["text"] for r in _json("quotes", "--db", str(db))] == ["бюджетът е готов."]


# -- the sidecar index ---------------------------------------------------------------------------

def test_the_index_answers_exactly_as_the_whole_store(store):
    from quotetrack.store import tinyindex

    index_file, records_file = tinyindex.paths(store)
    assert index_file.is_file() and records_file.is_file()
    queries = [["speakers", "--format", "json"], ["quotes", "--speaker", "Радев", "--format", "json"],
               ["quotes", "--speaker", "Ivan Radev", "--kind", "direct", "--format", "json"]]
    with_index = [runner.invoke(app, [*q, "--db", str(store)]).stdout for q in queries]
    saved = index_file.read_bytes()
    index_file.unlink()
    try:
        without = [runner.invoke(app, [*q, "--db", str(store)]).stdout for q in queries]
    finally:
        index_file.write_bytes(saved)
    assert with_index == without and all(with_index)


def test_a_stale_index_is_never_used(tmp_path: Path):
    from quotetrack import extract_article
    from quotetrack.store.tinydb import TinyDBStore

    path, db = tmp_path / "a.txt", tmp_path / "q.json"
    path.write_text("Заглавие\n\nИван Радев заяви, че бюджетът е готов.", encoding="utf-8")
    runner.invoke(app, ["extract", str(path), "--db", str(db), "--format", "jsonl"])
    # another writer that keeps no index (an older quotetrack) adds a speaker
    TinyDBStore(db).add([extract_article("Друго\n\nМария Колева заяви, че пътят е готов.", path=str(tmp_path / "b.txt"))])
    assert [r["name"] for r in _json("speakers", "--db", str(db))] == ["Иван Радев", "Мария Колева"]
    assert [r["text"] for r in _json("quotes", "--db", str(db), "--speaker", "Колева")] == ["пътят е готов."]
