"""The command line's rough edges (issue 15): every failure one line, every run a summary, a
name typed as a reader would type it. Runs that need a real process (the installed command,
Ctrl-C, an unprivileged user) use subprocess; the rest typer's CliRunner."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrack.cli import app
from quotetrack.ingest import Ingest

runner = CliRunner()
SCRIPT = Path(sys.executable).parent / "quotetrack"  # the console script pip installed
ARTICLE = "Заглавие\n\n„Ще подам оставка утре“, каза министърът Иван Петров.\n"


def _article(folder: Path, name: str = "a.txt", text: str = ARTICLE) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "COLUMNS": "80"})


# -- failures that are one line ----------------------------------------------------------------

def test_a_db_in_a_folder_that_does_not_exist_is_refused_and_nothing_is_created(tmp_path: Path):
    result = runner.invoke(app, ["extract", str(_article(tmp_path)), "--db", str(tmp_path / "typo" / "q.json")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"quotetrack: {tmp_path / 'typo'}: no such folder (create it, or check --db)"
    assert not (tmp_path / "typo").exists()


def test_a_db_that_cannot_be_written_is_one_line_before_any_work(tmp_path: Path):
    result = runner.invoke(app, ["extract", str(_article(tmp_path)), "--db", "/proc/q.json"])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.strip() == "quotetrack: /proc/q.json: cannot write here (permission denied)"


def _deny(monkeypatch, target: Path) -> None:
    """Root reads and writes through any permission bits, so for root the refusal is made
    where the file system would make it; any other user meets the real mode bits."""
    if os.geteuid() != 0:
        return
    import tempfile as tempfile_module

    real_scandir, real_read, real_tmp = os.scandir, Path.read_bytes, tempfile_module.TemporaryFile

    def scandir(path="."):
        if Path(path) == target:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def read_bytes(self):
        if target in self.parents:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    def temporary(*args, dir=None, **kwargs):
        if dir is not None and Path(dir) == target:
            raise PermissionError(13, "Permission denied")
        return real_tmp(*args, dir=dir, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(tempfile_module, "TemporaryFile", temporary)


def test_a_read_only_folder_is_one_line_and_the_store_is_not_started(tmp_path: Path, monkeypatch):
    article = _article(tmp_path)
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    _deny(monkeypatch, ro)
    try:
        result = runner.invoke(app, ["extract", str(article), "--db", str(ro / "q.json")])
    finally:
        ro.chmod(0o755)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.strip() == f"quotetrack: {ro / 'q.json'}: cannot write here (permission denied)"
    assert list(ro.iterdir()) == []


def test_an_unreadable_file_or_folder_is_one_line_and_the_others_are_stored(tmp_path: Path, monkeypatch):
    news = tmp_path / "news"
    news.mkdir()
    ok = _article(news, "ok.txt")
    locked = news / "locked"
    locked.mkdir()
    _article(locked, "a.txt")
    locked.chmod(0o000)
    _deny(monkeypatch, locked)
    db = tmp_path / "q.json"
    try:
        walked = runner.invoke(app, ["extract", str(news), "--db", str(db), "--format", "jsonl"])
        named = runner.invoke(app, ["extract", str(ok), str(locked / "a.txt"), "--no-store", "--format", "jsonl"])
    finally:
        locked.chmod(0o755)
    assert walked.exit_code == 1 and "Traceback" not in walked.output
    assert walked.stderr.splitlines() == [f"quotetrack: {locked}: cannot read the folder (permission denied)",
                                          f"stored 1 article in {db}, 1 statement, 1 failed"]
    assert named.exit_code == 1 and "Traceback" not in named.output
    assert named.stderr.splitlines()[0] == f"quotetrack: {locked / 'a.txt'}: permission denied"
    assert [json.loads(line)["path"] for line in named.stdout.splitlines()] == [str(ok)]


def test_a_bare_command_prints_usage_and_the_commands_exit_2():
    assert SCRIPT.is_file(), "the console script is installed with the package"
    result = _run()
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "Usage: quotetrack [OPTIONS] COMMAND [ARGS]..."
    assert {"extract", "speakers", "quotes", "audit", "diff", "history"} <= {line.split()[0] for line in lines if line.startswith("  ")}


def test_dash_h_is_help():
    result = runner.invoke(app, ["quotes", "-h"])
    assert result.exit_code == 0 and result.stdout.startswith("Usage: ") and "--speaker" in result.stdout


def test_ctrl_c_says_nothing_was_stored_and_leaves_the_store_whole(tmp_path: Path):
    news = tmp_path / "news"
    news.mkdir()
    body = "\n\n".join(f"„Ще подам оставка след {n} дни“, каза министърът Иван Петров. Той добави, че бюджетът "
                       "е готов." for n in range(40))
    for i in range(1500):  # several seconds of work: still running when the signal comes
        _article(news, f"{i:04d}.txt", f"Заглавие {i}\n\n{body}\n")
    db = tmp_path / "q.json"
    assert runner.invoke(app, ["extract", str(_article(tmp_path, "first.txt")), "--db", str(db), "-q"]).exit_code == 0
    before = db.read_bytes()
    proc = subprocess.Popen([str(SCRIPT), "extract", str(news), "--db", str(db), "--format", "jsonl", "--jobs", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.strip() == "quotetrack: interrupted: nothing stored"
    assert db.read_bytes() == before
    assert runner.invoke(app, ["quotes", "--db", str(db), "--format", "json"]).exit_code == 0


def test_an_interrupted_run_counts_what_the_store_took(tmp_path: Path):
    run = Ingest([str(_article(tmp_path))], db=tmp_path / "q.json")
    assert run.interrupted() == "interrupted: nothing stored"
    assert len(list(run.rows())) == 1
    assert run.interrupted() == "interrupted: 1 article stored, the rest not"


# -- runs that say what they did ---------------------------------------------------------------

def test_every_extract_ends_with_a_summary_on_stderr_whatever_the_format(tmp_path: Path):
    one, two = _article(tmp_path, "one.txt"), _article(tmp_path, "two.txt", ARTICLE.replace("утре", "днес"))
    db = tmp_path / ("a-long-folder-name-" * 4) / "q.json"  # a line longer than 80 columns stays one line
    db.parent.mkdir()
    first = runner.invoke(app, ["extract", str(one), "--db", str(db), "--format", "jsonl"])
    assert first.stderr.splitlines() == [f"stored 1 article in {db}, 1 statement"]
    again = runner.invoke(app, ["extract", str(one), str(two), str(tmp_path / "gone.txt"), "--db", str(db), "--format", "csv"])
    assert again.exit_code == 1
    assert again.stderr.splitlines()[-1] == f"stored 1 article in {db}, 1 unchanged, 2 statements, 1 failed"
    quiet = runner.invoke(app, ["extract", str(one), "--db", str(db), "--format", "jsonl", "--quiet"])
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_new_only_prints_just_the_articles_this_run_stored(tmp_path: Path):
    one, two = _article(tmp_path, "one.txt"), _article(tmp_path, "two.txt", ARTICLE.replace("утре", "днес"))
    db = str(tmp_path / "q.json")
    runner.invoke(app, ["extract", str(one), "--db", db, "-q"])
    result = runner.invoke(app, ["extract", str(one), str(two), "--db", db, "--format", "jsonl", "--new-only"])
    assert [json.loads(line)["path"] for line in result.stdout.splitlines()] == [str(two)]
    again = runner.invoke(app, ["extract", str(one), str(two), "--db", db, "--format", "jsonl", "--new-only"])
    assert again.exit_code == 0 and again.stdout == ""


@pytest.fixture
def people_store(tmp_path: Path) -> Path:
    _article(tmp_path, "a.txt", "Среща в столицата\n\nРуският президент Владимир Путин заяви, че преговорите "
             "ще продължат. „Няма да отстъпим“, каза Путин.\n")
    _article(tmp_path, "b.txt", "Друга среща\n\nМинистърката Мария Петрова каза, че бюджетът е готов.\n")
    db = tmp_path / "q.json"
    assert runner.invoke(app, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", str(db), "-q"]).exit_code == 0
    return db


def test_quotes_limit_shows_the_first_n(people_store: Path):
    result = runner.invoke(app, ["quotes", "--db", str(people_store), "--format", "jsonl", "--limit", "2"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2


@pytest.mark.parametrize("typed", ["Владимир Владимирович Путин", "Путин В.", "Путина", "на Путин", "В. Путин", "путин"])
def test_a_speaker_typed_as_a_reader_would(people_store: Path, typed: str):
    result = runner.invoke(app, ["quotes", "--db", str(people_store), "--speaker", typed, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert {r["speaker"] for r in json.loads(result.stdout)} == {"Владимир Путин"}


def test_a_declined_surname_never_takes_the_female_form_of_another(people_store: Path):
    result = runner.invoke(app, ["quotes", "--db", str(people_store), "--speaker", "Петрова", "--format", "json"])
    assert {r["speaker"] for r in json.loads(result.stdout)} == {"Мария Петрова"}


# -- names and inputs --------------------------------------------------------------------------

def test_a_few_stray_bytes_are_replaced_with_a_warning(tmp_path: Path):
    data = ARTICLE.encode("utf-8")
    path = tmp_path / "stray.txt"
    path.write_bytes(data[:12] + b"\xff" + data[12:])
    result = runner.invoke(app, ["extract", str(path), "--no-store", "--format", "jsonl"])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == f"quotetrack: {path}: 1 stray byte (not UTF-8) replaced"
    assert json.loads(result.stdout)["speaker"] == "Иван Петров"


def test_utf16_with_a_bom_is_read(tmp_path: Path):
    path = tmp_path / "unicode.txt"
    path.write_bytes(ARTICLE.encode("utf-16"))
    result = runner.invoke(app, ["extract", str(path), "--no-store", "--format", "jsonl", "-q"])
    assert result.exit_code == 0 and json.loads(result.stdout)["text"] == "Ще подам оставка утре"


def test_choices_are_case_insensitive_and_bad_values_are_plain_words_exit_2(tmp_path: Path):
    path = str(_article(tmp_path))
    assert runner.invoke(app, ["extract", path, "--no-store", "--format", "JSONL", "-q"]).exit_code == 0
    for args, words in ((["--jobs", "0"], "'--jobs' / '-j': must be 1 or more"),
                        (["--jobs", "x"], "'--jobs' / '-j': must be a whole number"),
                        (["--format", "xml"], "'xml' is not one of")):
        result = _run("extract", path, "--no-store", *args)
        assert result.returncode == 2 and words in result.stderr
        assert "Value error" not in result.stderr and "Input should" not in result.stderr
    assert "<list[str]>" not in _run("extract", "--help").stdout


def test_csv_with_bom_opens_in_a_spreadsheet_with_cyrillic_intact(tmp_path: Path):
    result = runner.invoke(app, ["extract", str(_article(tmp_path)), "--no-store", "--format", "csv", "--bom", "-q"])
    assert result.stdout.startswith("\ufeffarticle_id,")
    plain = runner.invoke(app, ["extract", str(_article(tmp_path)), "--no-store", "--format", "csv", "-q"])
    assert plain.stdout.startswith("article_id,")


def test_every_file_beside_a_store_is_named_in_gitignore_and_readme(tmp_path: Path):
    import fnmatch

    root = Path(__file__).resolve().parent.parent
    db = tmp_path / "quotes.json"
    assert runner.invoke(app, ["extract", str(_article(tmp_path)), "--db", str(db), "-q"]).exit_code == 0
    beside = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("quotes.json"))
    assert beside == ["quotes.json", "quotes.json.index", "quotes.json.index.records", "quotes.json.lock",
                      "quotes.json.parts", "quotes.json.texts"]
    ignored = [line.strip().rstrip("/") for line in (root / ".gitignore").read_text().splitlines() if line.strip()]
    readme = (root / "README.md").read_text(encoding="utf-8")
    for name in beside:
        assert any(fnmatch.fnmatch(name, pattern) for pattern in ignored), name
        assert name.replace("quotes.json", "NAME") in readme or name == "quotes.json", name


def test_shell_completion_is_offered():
    result = _run("--show-completion", "bash")
    assert result.returncode == 0 and "complete" in result.stdout and "quotetrack" in result.stdout
