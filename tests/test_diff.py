"""`diff` and `history`: article pairs written for these tests (fictional people) covering each
status, a moved statement, a split quote and two unrelated articles."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrack import extract_article, load_rules
from quotetrack.cli import app
from quotetrack.diff import diff
from quotetrack.people import build

RULES = load_rules()
runner = CliRunner()

BUDGET = "Министърът на финансите Иван Петров заяви, че бюджетът за догодина ще бъде балансиран."
PENSIONS = "Вицепремиерът Георги Колев добави, че пенсиите ще бъдат увеличени от юли."
TAXES = "„Не планираме нови данъци през следващата година“, каза Петров пред журналисти."


def pairs(a: str, b: str):
    ra = [q.to_dict() for q in extract_article("Бюджетът\n\n" + a, path="a.txt").quotes]
    rb = [q.to_dict() for q in extract_article("Бюджетът\n\n" + b, path="b.txt").quotes]
    result = diff(ra, rb, build(ra + rb, RULES))
    return result, [(p.status, (p.a or {}).get("text"), (p.b or {}).get("text")) for p in result.pairs]


def test_the_same_statements_in_another_order_are_unchanged():
    result, _ = pairs(f"{BUDGET}\n\n{PENSIONS}\n\n{TAXES}", f"{PENSIONS}\n\n{TAXES}\n\n{BUDGET}")
    assert result.summary == {"unchanged": 3, "reworded": 0, "reattributed": 0, "only_a": 0, "only_b": 0}


def test_changed_words_are_reworded_with_word_ops():
    result, _ = pairs(f"{BUDGET} {TAXES}", f"{BUDGET} " + TAXES.replace("данъци през", "данъци и такси през"))
    (changed,) = [p for p in result.pairs if p.status != ("unchanged",)]
    assert changed.status == ("reworded",)
    assert [(op.op, op.b_words) for op in changed.ops] == [("insert", ("и", "такси"))]
    assert changed.to_dict()["ops"][0]["b"] == [4, 6] and 80 < changed.similarity < 100


def test_the_same_words_credited_to_someone_else_are_reattributed():
    result, _ = pairs(f"{BUDGET}\n\n{PENSIONS}", f"{BUDGET}\n\n" + PENSIONS.replace("Вицепремиерът Георги Колев", "Премиерът Стефан Димов"))
    (changed,) = [p for p in result.pairs if p.status != ("unchanged",)]
    assert changed.status == ("reattributed",) and changed.changes == ("speaker: Георги Колев -> Стефан Димов",)


def test_a_changed_credit_is_reattributed():
    result, _ = pairs(BUDGET.rstrip(".") + ", предаде АФП.", BUDGET.rstrip(".") + ", предаде Ройтерс.")
    (p,) = result.pairs
    assert p.status == ("reattributed",) and p.changes == ("credit: АФП -> Ройтерс",)


def test_reworded_and_reattributed_says_both():
    result, _ = pairs(f"{BUDGET} {TAXES}", f"{BUDGET} „Не планираме нови такси през следващата година“, каза Колев.")
    (p,) = [p for p in result.pairs if p.status != ("unchanged",)]
    assert p.status == ("reworded", "reattributed")
    assert result.summary["reworded"] == 1 and result.summary["reattributed"] == 1


def test_dropped_and_added_statements():
    result, rows = pairs(f"{BUDGET}\n\n{PENSIONS}", f"{BUDGET}\n\nДепутатът Мария Димова каза, че ще внесе поправки.")
    assert result.summary == {"unchanged": 1, "reworded": 0, "reattributed": 0, "only_a": 1, "only_b": 1}
    assert (("only_a",), "пенсиите ще бъдат увеличени от юли.", None) in rows
    assert (("only_b",), None, "ще внесе поправки.") in rows


def test_a_quote_split_in_two_pairs_both_parts_with_it():
    result, rows = pairs(
        "„Ще намалим данъците за малкия бизнес през есента. Парите ще дойдат от съкращения в администрацията“, "
        "каза министърът Иван Петров.",
        "„Ще намалим данъците за малкия бизнес през есента“, каза министърът Иван Петров. "
        "По думите му парите ще дойдат от съкращения в администрацията.")
    assert [(p.status, p.note) for p in result.pairs] == [(("reworded",), None), (("reworded",), "split")]
    assert {p.a["text"] for p in result.pairs} == {rows[0][1]} and result.summary["only_b"] == 0


def test_two_unrelated_articles_pair_nothing():
    result, _ = pairs(f"{BUDGET}\n\n{PENSIONS}",
                      "Треньорът Стоян Георгиев каза, че отборът е готов за мача в неделя. „Играчите тренираха много“, добави той.")
    assert result.summary == {"unchanged": 0, "reworded": 0, "reattributed": 0, "only_a": 2, "only_b": 2}
    assert all(p.a is None or p.b is None for p in result.pairs)


# -- the commands --------------------------------------------------------------------------------

@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(f"Бюджетът\n12.03.2024\n\nСОФИЯ /БТА/ {BUDGET}\n\n{PENSIONS}\n\n{TAXES}", encoding="utf-8")
    b.write_text(f"Бюджетът\n13.03.2024\n\nСОФИЯ /БТА/ {BUDGET}\n\n" + TAXES.replace("данъци", "такси"), encoding="utf-8")
    return a, b


def test_diff_json_has_a_summary_and_pairs(files):
    a, b = files
    result = runner.invoke(app, ["diff", str(a), str(b), "--format", "json", "--db", str(a.parent / "none.json")])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["summary"] == {"unchanged": 1, "reworded": 1, "reattributed": 0, "only_a": 1, "only_b": 0}
    for p in out["pairs"]:
        assert {"status", "a", "b", "similarity", "ops"} <= set(p)
    (reworded,) = [p for p in out["pairs"] if p["status"] == ["reworded"]]
    assert reworded["ops"] == [{"op": "replace", "a": [3, 4], "b": [3, 4], "a_words": ["данъци"], "b_words": ["такси"]}]


def test_diff_table_folds_unchanged_pairs_unless_all(files):
    a, b = files
    shown = runner.invoke(app, ["diff", str(a), str(b)])
    assert shown.exit_code == 0 and "1 unchanged statements not shown" in shown.stdout
    assert "бюджетът за догодина" not in shown.stdout
    everything = runner.invoke(app, ["diff", str(a), str(b), "--all"])
    assert "бюджетът за догодина" in everything.stdout and "not shown" not in everything.stdout


def test_diff_takes_stored_ids_and_paths(files, tmp_path: Path):
    a, b = files
    db = tmp_path / "q.json"
    runner.invoke(app, ["extract", str(a), str(b), "--db", str(db), "--format", "jsonl"])
    ids = {r["path"]: r["article_id"] for r in map(json.loads, runner.invoke(
        app, ["quotes", "--db", str(db), "--format", "jsonl"]).stdout.splitlines())}
    b.unlink()  # a stored article need not exist on disk any more
    result = runner.invoke(app, ["diff", ids[str(a)], str(b), "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["reworded"] == 1


@pytest.mark.parametrize("args, message", [
    (["one.txt"], "give two articles"),
    (["nothing.txt", "other.txt"], "A: 'nothing.txt' is neither a file nor a stored article"),
    (["a", "b", "--speaker", "Петров"], "not both"),
])
def test_diff_mistakes_are_one_line(tmp_path: Path, args, message, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["diff", *args])
    assert result.exit_code == 1 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_history_lists_versions_and_diffs_each_with_the_last(tmp_path: Path):
    path, db = tmp_path / "art.txt", tmp_path / "q.json"
    bodies = [f"{BUDGET}\n\n{PENSIONS}", f"{BUDGET}\n\n" + PENSIONS.replace("юли", "май"),
              f"{BUDGET}\n\n" + PENSIONS.replace("юли", "май").replace("Вицепремиерът Георги Колев", "Премиерът Стефан Димов")]
    for body in bodies:
        path.write_text("Бюджетът\n\n" + body, encoding="utf-8")
        assert runner.invoke(app, ["extract", str(path), "--db", str(db), "--format", "jsonl"]).exit_code == 0
    result = runner.invoke(app, ["history", str(path), "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert [v["version"] for v in out["versions"]] == [1, 2, 3]
    assert [(d["from"], d["to"]) for d in out["diffs"]] == [(1, 2), (2, 3)]
    assert [p["status"] for p in out["diffs"][0]["pairs"] if p["status"] != ["unchanged"]] == [["reworded"]]
    assert [p["status"] for p in out["diffs"][1]["pairs"] if p["status"] != ["unchanged"]] == [["reattributed"]]
    table = runner.invoke(app, ["history", str(path), "--db", str(db)])
    assert "version 1 → 2" in table.stdout and "version 2 → 3" in table.stdout


def test_history_of_an_unknown_path_is_one_line(tmp_path: Path, files):
    a, _ = files
    db = tmp_path / "q.json"
    runner.invoke(app, ["extract", str(a), "--db", str(db), "--format", "jsonl"])
    result = runner.invoke(app, ["history", str(tmp_path / "other.txt"), "--db", str(db)])
    assert result.exit_code == 1 and "no stored article at this path" in result.stderr


def test_diff_speaker_groups_one_persons_statement_across_articles(tmp_path: Path):
    texts = {
        "wire.txt": "Данъци\n12.03.2024\n\nСОФИЯ /БТА/ „Не планираме нови данъци през следващата година“, каза министърът Иван Петров.",
        "site.txt": "Без данъци\n13.03.2024\n\n„Не планираме нови данъци и такси през следващата година“, каза Иван Петров.",
        "other.txt": "Пенсии\n14.03.2024\n\nИван Петров заяви, че пенсиите ще бъдат увеличени от юли.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "q.json"
    runner.invoke(app, ["extract", str(tmp_path), "--db", str(db), "--format", "jsonl"])
    result = runner.invoke(app, ["diff", "--speaker", "Ivan Petrov", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["speaker"] == ["Иван Петров"] and out["statements"] == 3
    (cluster,) = out["clusters"]
    assert [v["path"].rsplit("/", 1)[-1] for v in cluster] == ["wire.txt", "site.txt"]
    assert cluster[0]["ops"] == [] and [op["b_words"] for op in cluster[1]["ops"]] == [["и", "такси"]]
    table = runner.invoke(app, ["diff", "--speaker", "Петров", "--db", str(db)])
    assert table.exit_code == 0 and "1 carried by more than one article" in table.stdout
