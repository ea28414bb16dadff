"""The store: UTF-8 JSON written atomically, versions of an article kept, foreign files refused."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotetrack import StoreError, extract_article
from quotetrack.store.tinydb import TinyDBStore

ARTICLE = "Заглавие\n\nМинистърът Иван Петров заяви, че бюджетът е готов.\n"
CHANGED = "Заглавие\n\nМинистърът Иван Петров заяви, че бюджетът ще бъде готов в петък.\n"


def _store(tmp_path: Path, *texts: str, path: str = "a.txt") -> TinyDBStore:
    store = TinyDBStore(tmp_path / "q.json")
    for t in texts:
        store.add([extract_article(t, path=path)])
    return store


def test_records_are_stored_as_readable_utf8(tmp_path: Path):
    store = _store(tmp_path, ARTICLE)
    raw = (tmp_path / "q.json").read_text(encoding="utf-8")
    (part,) = (tmp_path / "q.json.parts").iterdir()  # the statements, in a part file of their own
    assert "Иван Петров" in part.read_text(encoding="utf-8") and "\\u" not in raw + part.read_text(encoding="utf-8")
    (quote,) = store.quotes()
    article = store.articles()[0]
    text = store.texts([article])[article["id"]]
    assert text[quote["start"] : quote["end"]] == quote["text"]
    assert "text" not in article and (tmp_path / "q.json.texts").read_bytes().decode("utf-8") == text
    assert quote["speaker"] == "Иван Петров" and quote["article_id"] == article["id"]


def test_an_unchanged_file_is_not_stored_twice(tmp_path: Path):
    store = _store(tmp_path, ARTICLE)
    assert store.add([extract_article(ARTICLE, path="a.txt")]) == (0, 1)
    assert len(store.articles()) == 1 and len(store.quotes()) == 1


def test_an_extraction_and_its_rows_store_alike(tmp_path: Path):
    """Workers send rows, the library passes Extractions: the store must not tell them apart."""
    ex = extract_article(ARTICLE, path="a.txt")
    one, two = TinyDBStore(tmp_path / "one.json"), TinyDBStore(tmp_path / "two.json")
    assert one.add([ex]) == two.add([ex.rows()]) == (1, 0)
    strip = lambda docs: sorted(({k: v for k, v in d.items() if k != "extracted_at"} for d in docs), key=str)  # noqa: E731
    assert strip(one.articles()) == strip(two.articles()) and one.quotes() == two.quotes()
    assert one.texts(one.articles()) == two.texts(two.articles())
    assert two.add([extract_article(ARTICLE, path="a.txt").rows()]) == (0, 1)  # unchanged, as rows too


def test_a_changed_file_becomes_a_new_version_and_the_old_one_stays(tmp_path: Path):
    store = _store(tmp_path, ARTICLE, CHANGED)
    texts = store.texts(store.articles())
    versions = sorted((a["version"], texts[a["id"]]) for a in store.articles())
    assert [v for v, _ in versions] == [1, 2]
    assert "петък" in versions[1][1] and "петък" not in versions[0][1]
    assert len(store.quotes()) == 2


@pytest.mark.parametrize("content", ['{"users": {"1": {"name": "x"}}}', "not json at all", "[1, 2, 3]"])
def test_a_file_that_is_not_a_store_is_refused_and_left_untouched(tmp_path: Path, content):
    target = tmp_path / "q.json"
    target.write_text(content, encoding="utf-8")
    with pytest.raises(StoreError):
        TinyDBStore(target).add([extract_article(ARTICLE, path="a.txt")])
    assert target.read_text(encoding="utf-8") == content


def test_a_failed_batch_writes_nothing(tmp_path: Path):
    store = _store(tmp_path, ARTICLE)
    before = (tmp_path / "q.json").read_bytes()
    with pytest.raises(RuntimeError):
        with store.batch():
            store.db.table("quotes").insert({"text": "половин запис"})
            raise RuntimeError("killed mid-batch")
    assert (tmp_path / "q.json").read_bytes() == before
    assert not list(tmp_path.glob(".q.json.*.tmp"))


def test_one_batch_is_one_write(tmp_path: Path, monkeypatch):
    from quotetrack.store.tinydb import AtomicJSONStorage

    store = TinyDBStore(tmp_path / "q.json")
    writes = []
    original = AtomicJSONStorage._replace
    monkeypatch.setattr(AtomicJSONStorage, "_replace", lambda self, data: (writes.append(1), original(self, data)))
    store.add([extract_article(ARTICLE, path=f"{n}.txt") for n in range(20)])
    assert len(writes) == 1
    data = json.loads((tmp_path / "q.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 20 and sum(p["count"] for p in data["parts"].values()) == 20
    assert len(store.quotes()) == 20


def test_statements_go_into_part_files_tinydb_can_open(tmp_path: Path, monkeypatch):
    from tinydb import TinyDB

    import quotetrack.store.tinydb as store_module

    monkeypatch.setattr(store_module, "PART_SIZE", 3)  # one article's statements are never split
    store = TinyDBStore(tmp_path / "q.json")
    store.add([extract_article(ARTICLE.replace("готов", f"готов {n}"), path=f"{n}.txt") for n in range(7)])
    parts = sorted((tmp_path / "q.json.parts").iterdir())
    assert len(parts) == 3  # 3 + 3 + 1
    opened = [TinyDB(str(p), access_mode="r").table("quotes").all() for p in parts]
    assert sorted(len(t) for t in opened) == [1, 3, 3]
    assert sorted(q["text"] for t in opened for q in t) == sorted(q["text"] for q in TinyDBStore(tmp_path / "q.json").quotes())


def test_a_part_a_killed_writer_left_is_swept_and_a_missing_part_is_one_line(tmp_path: Path):
    store = _store(tmp_path, ARTICLE)
    stray = tmp_path / "q.json.parts" / "q-0123456789abcdef.json"
    stray.write_text('{"quotes": {"1": {"text": "никой не го изписа"}}}', encoding="utf-8")
    assert len(store.quotes()) == 1  # an unlisted part is not read
    store.add([extract_article(CHANGED, path="b.txt")])
    assert not stray.exists() and len(TinyDBStore(tmp_path / "q.json").quotes()) == 2
    for part in (tmp_path / "q.json.parts").iterdir():
        part.unlink()
    with pytest.raises(StoreError, match="part of the store is missing"):
        TinyDBStore(tmp_path / "q.json").quotes()


def test_two_store_objects_writing_in_turn_keep_every_record(tmp_path: Path):
    """A Store that wrote before must not reuse record ids another writer has taken since."""
    a, b = TinyDBStore(tmp_path / "q.json"), TinyDBStore(tmp_path / "q.json")
    a.add([extract_article(ARTICLE, path="a1.txt")])
    b.add([extract_article(ARTICLE, path="b1.txt")])
    a.add([extract_article(ARTICLE, path="a2.txt")])
    assert sorted(x["path"] for x in TinyDBStore(tmp_path / "q.json").articles()) == ["a1.txt", "a2.txt", "b1.txt"]
    assert len(TinyDBStore(tmp_path / "q.json").quotes()) == 3


def test_a_write_keeps_the_store_files_permissions(tmp_path: Path):
    target = tmp_path / "q.json"
    TinyDBStore(target).add([extract_article(ARTICLE, path="a.txt")])
    target.chmod(0o644)
    TinyDBStore(target).add([extract_article(CHANGED, path="a.txt")])
    assert target.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("content", ['{"meta": {"1": "x"}}', '{"meta": {"1": {"format": "quotetrack", "version": "1"}}}',
                                     '{"meta": {"1": {"format": "quotetrack", "version": 1}}, "quotes": [1]}'])
def test_a_store_with_a_wrong_shape_is_refused(tmp_path: Path, content):
    target = tmp_path / "q.json"
    target.write_text(content, encoding="utf-8")
    with pytest.raises(StoreError):
        TinyDBStore(target)
    assert target.read_text(encoding="utf-8") == content


def test_texts_live_in_a_pack_beside_the_store_and_older_stores_keep_theirs_inline(tmp_path: Path):
    from typer.testing import CliRunner

    from quotetrack.cli import app

    store = _store(tmp_path, ARTICLE)
    article = store.articles()[0]
    assert article["text_at"][1] == len(ARTICLE.encode("utf-8"))
    inline = {**article, "text": ARTICLE}
    inline.pop("text_at")
    assert store.texts([inline]) == {article["id"]: ARTICLE}  # a version 1 store keeps its text inline
    (tmp_path / "q.json.texts").unlink()
    result = CliRunner().invoke(app, ["audit", "--db", str(tmp_path / "q.json")])
    assert result.exit_code == 1 and "texts are missing" in result.stderr
    result = CliRunner().invoke(app, ["quotes", "--db", str(tmp_path / "q.json"), "--format", "json"])
    assert result.exit_code == 0 and "Иван Петров" in result.stdout


def test_a_batch_that_fails_midway_leaves_no_parts_and_its_texts_are_cut(tmp_path: Path, monkeypatch):
    import quotetrack.store.tinydb as store_module

    monkeypatch.setattr(store_module, "PART_SIZE", 1)  # a part per article, so some are written before the failure
    store = _store(tmp_path, ARTICLE)
    pack = tmp_path / "q.json.texts"
    kept = pack.stat().st_size

    def stream():
        for n in range(3):
            yield extract_article(CHANGED.replace("петък", f"петък {n}"), path=f"{n}.txt")
        raise RuntimeError("killed mid-run")

    with pytest.raises(RuntimeError):
        store.add(stream())
    assert len(list((tmp_path / "q.json.parts").iterdir())) == 1  # the first run's part only
    assert pack.stat().st_size > kept  # the failed run's texts are still there ...
    store.add([extract_article(CHANGED, path="b.txt")])
    articles = TinyDBStore(tmp_path / "q.json").articles()
    assert pack.stat().st_size == sum(a["text_at"][1] for a in articles)  # ... until the next writer cuts them
    assert set(TinyDBStore(tmp_path / "q.json").texts(articles).values()) == {ARTICLE, CHANGED}


def test_parts_keep_the_store_files_permissions(tmp_path: Path):
    import os

    target = tmp_path / "q.json"
    TinyDBStore(target).add([extract_article(ARTICLE, path="a.txt")])
    before = set((tmp_path / "q.json.parts").iterdir())
    os.chmod(target, 0o640)  # not what mkstemp (0600) or a usual umask (0644) would give
    TinyDBStore(target).add([extract_article(CHANGED, path="b.txt")])
    (new,) = set((tmp_path / "q.json.parts").iterdir()) - before
    assert new.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("entry", ['{"file": ""}', '{"file": "../q.json"}', '{"file": ["x"]}', '"q-x"'])
def test_a_bad_parts_entry_is_one_line_not_a_traceback(tmp_path: Path, entry):
    target = tmp_path / "q.json"
    TinyDBStore(target).add([extract_article(ARTICLE, path="a.txt")])
    data = json.loads(target.read_text(encoding="utf-8"))
    data["parts"]["2"] = json.loads(entry)
    target.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(StoreError, match="parts"):
        TinyDBStore(target).quotes()


def test_small_parts_are_merged_and_nothing_is_lost(tmp_path: Path, monkeypatch):
    import quotetrack.store.tinydb as store_module

    monkeypatch.setattr(store_module, "PART_SIZE", 6)
    monkeypatch.setattr(store_module, "COMPACT_AT", 4)
    target = tmp_path / "q.json"
    texts = [ARTICLE.replace("готов", f"готов {n}") for n in range(9)]
    for n, text in enumerate(texts):  # one run per article: one small part each
        TinyDBStore(target).add([extract_article(text, path=f"{n}.txt")])
    listed = json.loads(target.read_text(encoding="utf-8"))["parts"]
    assert len(listed) < 9 and sum(p["count"] for p in listed.values()) == 9
    assert sorted(q["text"] for q in TinyDBStore(target).quotes()) == sorted(q.text for t in texts for q in extract_article(t).quotes)
    TinyDBStore(target).add([extract_article(CHANGED, path="x.txt")])  # the next writer sweeps the merged-away files
    listed = {p["file"] for p in json.loads(target.read_text(encoding="utf-8"))["parts"].values()}
    assert {p.name for p in (tmp_path / "q.json.parts").iterdir()} == listed
