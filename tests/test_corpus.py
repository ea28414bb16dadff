"""The dev-set floors from the core issue, measured by ../shared/eval/score.py on ../shared."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from .conftest import SHARED

# Issue 12's targets on the 46 dev articles, and the level the code last reached there: a rule
# change that drops below the level fails; the level only ever rises.
FLOORS = {
    "direct": (0.95, 0.965),
    "all": (0.90, 0.931),
    "speaker": (0.95, 0.995),
    "verb": (0.96, 0.983),
    "source": (0.85, 0.904),
    "agency": (0.90, 0.947),
}


@pytest.fixture(scope="module")
def scores() -> dict:
    if not (SHARED / "gold").is_dir():
        pytest.fail(f"{SHARED} is missing: the corpus tests need ../shared beside the checkout")
    cmd = shutil.which("quotetrack") or f"{sys.executable} -m quotetrack"
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(SHARED / "corpus" / "dev"),
                          str(SHARED / "gold"), "--json", "--cmd", cmd], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _value(scores: dict, metric: str) -> float:
    value = scores[metric]
    return value["f1"] if isinstance(value, dict) else value


@pytest.mark.parametrize("metric", list(FLOORS))
def test_no_regression_below_todays_level(scores, metric):
    assert _value(scores, metric) >= FLOORS[metric][1]


def _target(metric: str):
    """A target not yet reached is a strict xfail: reaching it fails the run until it is a plain test."""
    if FLOORS[metric][1] >= FLOORS[metric][0]:
        return metric
    return pytest.param(metric, marks=pytest.mark.xfail(strict=True, reason="issue 12's target, not yet met"))


@pytest.mark.parametrize("metric", [_target(m) for m in FLOORS])
def test_issue_target(scores, metric):
    assert _value(scores, metric) >= FLOORS[metric][0]


# -- issue 4 on the dev set: one person, one speaker ---------------------------------------------

@pytest.fixture(scope="module")
def dev_store(tmp_path_factory):
    from typer.testing import CliRunner

    from quotetrack.cli import app

    db = tmp_path_factory.mktemp("dev") / "dev.json"
    result = CliRunner().invoke(app, ["extract", str(SHARED / "corpus" / "dev"), "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    return db


def _gold_people() -> set[str]:
    """The gold speakers written as a person's full name: capitalised words, two or three."""
    names = set()
    for path in (SHARED / "gold").glob("*.json"):
        for q in json.loads(path.read_text(encoding="utf-8"))["quotes"]:
            name = q.get("speaker") if isinstance(q.get("speaker"), str) else None
            if name and 2 <= len(name.split()) <= 3 and all(w[:1].isupper() for w in name.split()):
                names.add(name)
    return names


def test_each_real_person_of_the_dev_set_is_one_speaker(dev_store):
    from quotetrack.cli import _stored

    _, people, _ = _stored(dev_store, None, None)
    owners: dict[int, str] = {}
    inexact = []
    for name in sorted(_gold_people()):
        found = people.find(name)
        if name == "РИА \"Новости\"" or not found.speakers:
            continue
        assert len(found.speakers) == 1, (name, [s.name for s in found.speakers])
        if found.how != "exact":
            inexact.append(name)
        owner = owners.setdefault(id(found.speakers[0]), name)
        assert owner == name, f"{name} and {owner} resolve to one speaker"
    # Two people may share a surname (two Khans); a bare surname beside a full name is one person split.
    persons = [s for s in people.speakers if s.kind == "person"]
    full = {s.names[0].surname for s in persons if len(s.names[0].keys) > 1}
    split = [s.name for s in persons if len(s.names[0].keys) == 1 and s.names[0].surname in full]
    assert not split, split
    # The level measured on the 46 articles: it only rises.
    assert not inexact, inexact
    assert len(owners) >= 61


def test_any_form_of_putin_gives_the_same_statements(dev_store):
    from typer.testing import CliRunner

    from quotetrack.cli import app

    answers = []
    for query in ["путин", "ПУТИН", "Putin", "Vladimir Putin"]:
        result = CliRunner().invoke(app, ["quotes", "--db", str(dev_store), "--speaker", query, "--format", "json"])
        assert result.exit_code == 0, result.stderr
        rows = json.loads(result.stdout)
        assert {r["person"] for r in rows} == {"Владимир Путин"}
        answers.append([(r["article_id"], r["start"], r["end"]) for r in rows])
    assert len(answers[0]) >= 5 and all(a == answers[0] for a in answers)
