"""Real inputs: the same article in any encoding or line ending gives the same records; saved
HTML pages give only the article's statements; bad files get one line and the rest still runs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrack import InputError
from quotetrack.cli import app
from quotetrack.inputs import expand, load

from .conftest import ROOT, SAMPLE

runner = CliRunner()
HTML = ROOT / "tests" / "fixtures" / "article.html"


def _records(*paths: Path, extra: tuple[str, ...] = ()) -> list[dict]:
    result = runner.invoke(app, ["extract", *map(str, paths), "--format", "jsonl", "--no-store", *extra])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def _essence(records: list[dict]) -> list[tuple]:
    return [(r["kind"], r["text"], r["speaker"], r["verb"], r["source"], r["agency"], r["title"]) for r in records]


@pytest.mark.parametrize("encoding, newline", [
    ("utf-8", "\n"), ("utf-8-sig", "\n"), ("cp1251", "\n"), ("utf-8", "\r\n"), ("cp1251", "\r\n"),
])
def test_every_encoding_and_line_ending_gives_the_same_records(tmp_path: Path, encoding, newline):
    text = SAMPLE.read_text(encoding="utf-8").replace("ѝ", "й")  # windows-1251 has no "ѝ"
    reference = tmp_path / "reference.txt"
    reference.write_text(text, encoding="utf-8")
    path = tmp_path / "article.txt"
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    expected = _essence(_records(reference))
    assert len(expected) >= 8
    assert _essence(_records(path)) == expected


def test_html_gives_the_article_and_nothing_from_sidebar_comments_or_scripts(tmp_path: Path):
    records = _records(HTML)
    texts = " | ".join(r["text"] for r in records)
    assert {r["speaker"] for r in records} == {"Иван Петров", "Никола Димов"}
    assert records[0]["title"] == "Бюджетът влиза в парламента" and records[0]["date"] == "2026-03-12"
    assert records[0]["agency"] == "БТА"
    for leaked in ("сензация", "титлата", "лъжат", "никой не вярва", "скрипт"):
        assert leaked not in texts.lower()


@pytest.mark.parametrize("declare", [True, False])
def test_html_in_windows_1251_gives_the_same_records(tmp_path: Path, declare):
    html = HTML.read_text(encoding="utf-8")
    html = html.replace('<meta charset="utf-8">', '<meta charset="windows-1251">' if declare else "")
    path = tmp_path / "page.htm"
    path.write_bytes(html.encode("cp1251"))
    assert _essence(_records(path)) == _essence(_records(HTML))


def test_folders_take_glob_skip_hidden_files_and_survive_symlink_loops(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "page.html").write_text("x", encoding="utf-8")
    (tmp_path / "a" / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "inside.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    found = [Path(p).name for p in expand([str(tmp_path)])]
    assert found == ["one.txt"]
    assert [Path(p).name for p in expand([str(tmp_path)], "*.html")] == ["page.html"]


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\n ")
    garbled = tmp_path / "garbled.txt"
    garbled.write_bytes(bytes(range(0x80, 0x100)) * 40 + "кирилица".encode("utf-16-le"))
    return {
        "binary": (binary, "binary file, not text"),
        "empty": (empty, "empty file"),
        "undecodable": (garbled, "cannot be decoded"),
        "missing": (tmp_path / "missing.txt", "no such file"),
    }


@pytest.mark.parametrize("kind", ["binary", "empty", "undecodable", "missing"])
def test_each_bad_file_is_one_line_and_good_files_are_stored(tmp_path: Path, kind):
    bad, reason = _bad_files(tmp_path)[kind]
    good = tmp_path / "good.txt"
    good.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "q.json"
    result = runner.invoke(app, ["extract", str(bad), str(good), "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 1
    line, summary = result.stderr.strip().splitlines()  # the file's one line, then the run's summary
    assert line.startswith(f"quotetrack: {bad}: ") and reason in line
    assert summary == f"stored 1 article in {db}, {len(result.stdout.splitlines())} statements, 1 failed"
    assert "Traceback" not in result.output
    stored = json.loads(db.read_text(encoding="utf-8"))
    assert [a["path"] for a in stored["articles"].values()] == [str(good)]


def test_an_unreadable_file_is_one_line(tmp_path: Path, monkeypatch):
    """Root reads any file whatever its mode, so the refusal is simulated where the file is read."""
    path = tmp_path / "secret.txt"
    path.write_text("Заглавие\n\nтекст", encoding="utf-8")

    def deny(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(InputError, match="permission denied"):
        load(str(path))
    result = runner.invoke(app, ["extract", str(path), "--no-store", "--format", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"quotetrack: {path}: permission denied", "extracted 0 articles, 0 statements, 1 failed"]


def test_a_corrupt_store_is_one_line_exit_1_and_untouched(tmp_path: Path):
    db = tmp_path / "q.json"
    db.write_text('{"meta": {"1": {"format": "quotetrack", "version": 1}}, "articles": {"1": {"pa', encoding="utf-8")
    before = db.read_bytes()
    result = runner.invoke(app, ["extract", str(SAMPLE), "--db", str(db)])
    assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "not valid JSON" in result.stderr and db.read_bytes() == before
