"""The command line as a contract, through typer's CliRunner."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from quotetrack.cli import app

runner = CliRunner()


def _article(tmp_path: Path, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_text("Заглавие\n\n„Ще подам оставка утре“, каза министърът Иван Петров.\n", encoding="utf-8")
    return path


def test_extract_jsonl_without_store_prints_records_and_writes_nothing(tmp_path: Path):
    path = _article(tmp_path)
    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl", "--no-store", "--db", str(tmp_path / "q.json")])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["kind"] == "direct" and record["speaker"] == "Иван Петров" and record["verb"] == "каза"
    assert record["path"] == str(path) and record["text"] == "Ще подам оставка утре"
    assert not (tmp_path / "q.json").exists()


def test_extract_walks_folders_and_stores(tmp_path: Path):
    _article(tmp_path, "one.txt")
    (tmp_path / "sub").mkdir()
    _article(tmp_path / "sub", "two.txt")
    (tmp_path / "skip.md").write_text("„Не ме чети“, каза Петров.", encoding="utf-8")
    db = tmp_path / "q.json"
    result = runner.invoke(app, ["extract", str(tmp_path), "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 2
    assert len(json.loads(db.read_text(encoding="utf-8"))["articles"]) == 2


def test_db_can_come_from_the_environment(tmp_path: Path):
    db = tmp_path / "env.json"
    result = runner.invoke(app, ["extract", str(_article(tmp_path)), "--format", "csv"], env={"QUOTETRACK_DB": str(db)})
    assert result.exit_code == 0 and db.exists()
    assert result.stdout.splitlines()[0].startswith("article_id,path,title")


def test_a_missing_file_is_one_line_and_exit_1_and_good_files_still_count(tmp_path: Path):
    good = _article(tmp_path)
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), str(good), "--format", "jsonl", "--no-store"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"quotetrack: {tmp_path / 'nope.txt'}: no such file",
                                          "extracted 1 article, 1 statement, 1 failed"]
    assert len(result.stdout.splitlines()) == 1
    assert "Traceback" not in result.output


def test_a_foreign_store_is_refused_in_one_line(tmp_path: Path):
    db = tmp_path / "other.json"
    db.write_text('{"users": {}}', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(_article(tmp_path)), "--db", str(db)])
    assert result.exit_code == 1 and "not a quotetrack store" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert db.read_text(encoding="utf-8") == '{"users": {}}'


def test_the_table_is_for_people(tmp_path: Path):
    result = runner.invoke(app, ["extract", str(_article(tmp_path)), "--no-store"])
    assert result.exit_code == 0 and "Иван Петров" in result.stdout and "1 statement" in result.stderr


def test_every_command_has_help_with_an_example():
    for name in ("extract",):
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0 and "Example:" in result.stdout


def test_standard_input_is_one_article(tmp_path: Path):
    text = "Заглавие\n\n„Ще подам оставка утре“, каза министърът Иван Петров.\n"
    result = runner.invoke(app, ["extract", "-", "--format", "jsonl", "--no-store"], input=text)
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["speaker"] == "Иван Петров" and record["path"] is None


def test_rules_option_uses_a_users_verb(tmp_path: Path):
    """A verb added to the user's own rules takes effect without touching Python."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "verbs.toml").write_text(
        '[meta]\nsource = "a test: one made-up reporting verb"\n'
        '[[verb]]\nlemma = "изчуруликам"\nframe = "speech"\nforms = ["изчурулика"]\n', encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text("Заглавие\n\nИван Петров изчурулика, че бюджетът е готов.\n", encoding="utf-8")
    plain = runner.invoke(app, ["extract", str(path), "--format", "jsonl", "--no-store"])
    custom = runner.invoke(app, ["extract", str(path), "--format", "jsonl", "--no-store", "--rules", str(rules)])
    assert plain.stdout.strip() == ""
    (record,) = [json.loads(line) for line in custom.stdout.splitlines()]
    assert record["verb_lemma"] == "изчуруликам" and record["speaker"] == "Иван Петров"


def test_a_broken_rules_folder_is_one_line(tmp_path: Path):
    (tmp_path / "quotes.toml").write_text("[meta]\nsource = 'broken on purpose'\n[[pair]]\nopen = '«'\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(_article(tmp_path)), "--no-store", "--rules", str(tmp_path)])
    assert result.exit_code == 1 and "quotes.toml" in result.stderr and "pair 1" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_internal_error_is_one_line_and_the_other_files_go_on(tmp_path: Path, monkeypatch):
    import quotetrack.engine.extract as extract_module

    real = extract_module.extract_article

    def flaky(text, *, path=None, date=None, rules=None):
        if path and path.endswith("bad.txt"):
            raise ValueError("boom")
        return real(text, path=path, date=date, rules=rules)

    monkeypatch.setattr(extract_module, "extract_article", flaky)
    good, bad = _article(tmp_path, "good.txt"), _article(tmp_path, "bad.txt")
    result = runner.invoke(app, ["extract", str(bad), str(good), "--format", "jsonl", "--no-store"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.splitlines()[0] == f"quotetrack: {bad}: could not be extracted (ValueError: boom); please report it"
    assert len(result.stdout.splitlines()) == 1


def test_a_usage_mistake_is_one_line_with_a_hint():
    import subprocess
    import sys

    for args in (["extract", "a.txt", "--format", "bad"], ["quotes", "--kind", "foo"], ["speakers", "--bogus"]):
        out = subprocess.run([sys.executable, "-m", "quotetrack", *args], capture_output=True, text=True)
        assert out.returncode == 2 and out.stdout == ""
        (line,) = out.stderr.strip().splitlines()
        assert line.startswith("quotetrack: ") and f"quotetrack {args[0]} --help" in line


def _folder(tmp_path: Path, n: int) -> Path:
    news = tmp_path / "news"
    news.mkdir()
    for i in range(n):
        (news / f"{i:02d}.txt").write_text(
            f"Заглавие {i}\n\n„Ще подам оставка след {i} дни“, каза министърът Иван Петров{'' if i % 2 else 'а'}.\n",
            encoding="utf-8")
    return news


def test_jobs_spread_the_work_and_give_the_same_records(tmp_path: Path):
    news = _folder(tmp_path, 12)
    one = runner.invoke(app, ["extract", str(news), "--no-store", "--format", "jsonl", "--jobs", "1"])
    two = runner.invoke(app, ["extract", str(news), "--no-store", "--format", "jsonl", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0 and one.stdout == two.stdout and len(one.stdout.splitlines()) == 12


def test_a_stored_run_gives_the_same_records_and_store_with_any_number_of_jobs(tmp_path: Path):
    """With --jobs the workers send rows packed; the records printed and stored must not differ."""
    news = _folder(tmp_path, 12)
    runs = {}
    for jobs in ("1", "2"):
        db = tmp_path / f"q{jobs}.json"
        res = runner.invoke(app, ["extract", str(news), "--db", str(db), "--format", "jsonl", "--jobs", jobs])
        stored = runner.invoke(app, ["quotes", "--db", str(db), "--format", "jsonl"])
        assert res.exit_code == stored.exit_code == 0
        runs[jobs] = (res.stdout, sorted(stored.stdout.splitlines()))
    assert runs["1"] == runs["2"] and len(runs["1"][1]) == 12


def test_extractions_survive_pickling_field_for_field():
    import pickle

    from quotetrack import extract_article

    ex = extract_article("Заглавие\n\n„Ще подам оставка“, заяви министърът Иван Петров, цитиран от БТА.\n", path="a.txt")
    back = pickle.loads(pickle.dumps(ex))
    assert back == ex and back.quotes[0].speaker == "Иван Петров" and back.rows() == ex.rows()


def test_unchanged_files_are_not_extracted_again(tmp_path: Path, monkeypatch):
    import quotetrack.engine.extract as engine

    news, db = _folder(tmp_path, 3), tmp_path / "q.json"
    first = runner.invoke(app, ["extract", str(news), "--db", str(db), "--format", "jsonl"])
    calls = []
    real = engine.extract_article
    monkeypatch.setattr(engine, "extract_article", lambda *a, **k: calls.append(a) or real(*a, **k))
    (news / "01.txt").write_text("Заглавие\n\n„Остава“, каза министърът Иван Петров.\n", encoding="utf-8")
    again = runner.invoke(app, ["extract", str(news), "--db", str(db), "--format", "jsonl", "--jobs", "1"])
    assert again.exit_code == 0 and len(calls) == 1  # only the changed file
    rows = [json.loads(line) for line in again.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["Ще подам оставка след 0 дни", "Остава", "Ще подам оставка след 2 дни"]
    assert first.stdout.splitlines()[0] in again.stdout


def test_with_a_progress_bar_on_the_terminal_the_records_still_go_to_stdout(tmp_path: Path):
    """stderr on a terminal shows the bar; stdout is a pipe and must get every record."""
    import os
    import pty
    import subprocess
    import sys

    news = _folder(tmp_path, 25)
    for args in (["--no-store"], ["--db", str(tmp_path / "q.json")]):
        leader, follower = pty.openpty()
        try:
            proc = subprocess.run([sys.executable, "-m", "quotetrack", "extract", str(news), "--format", "jsonl", *args],
                                  stdout=subprocess.PIPE, stderr=follower, timeout=120)
        finally:
            os.close(follower)
            os.close(leader)
        assert proc.returncode == 0
        rows = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
        assert len(rows) == 25 and {r["speaker"] for r in rows} == {"Иван Петров", "Иван Петрова"}
