"""The rule files stay honest: they load, list nothing twice, pair every mark, give every verb
form a lemma, say where their lists came from, and a broken file is named in the error."""
from __future__ import annotations

import shutil
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from quotetrack import RulesError, load_rules
from quotetrack.rules import RULE_FILES, shipped_rules_dir

RULES = shipped_rules_dir()


def _load(name: str) -> dict:
    with (RULES / name).open("rb") as fh:
        return tomllib.load(fh)


@pytest.mark.parametrize("name", RULE_FILES)
def test_every_file_loads_and_names_its_source(name):
    data = _load(name)
    assert isinstance(data["meta"]["source"], str) and len(data["meta"]["source"]) > 20


def test_compiled_rules_are_not_empty():
    rules = load_rules()
    assert len(rules.verbs) > 1000 and len(rules.roles) > 300 and len(rules.agencies) > 300
    assert ("„", "“") in rules.pairs and ("«", "»") in rules.pairs


def test_quote_pairs_have_one_opener_and_one_closer():
    pairs = [(p["open"], p["close"]) for p in _load("quotes.toml")["pair"]]
    assert len(pairs) == len(set(pairs))
    assert all(len(o) == 1 and len(c) == 1 for o, c in pairs)


def test_every_verb_form_has_one_lemma_and_a_frame():
    forms = Counter()
    for verb in _load("verbs.toml")["verb"]:
        assert verb["lemma"] and verb["frame"] in ("speech", "stance", "label"), verb["lemma"]
        assert verb["forms"], verb["lemma"]
        forms.update(f.lower() for f in verb["forms"])
    assert [f for f, n in forms.items() if n > 1] == []


def test_verb_lemmas_agree_with_simplemma():
    """A cross-check against an independent lemmatiser: most forms must agree with it (it is
    sometimes wrong on aspect pairs, so a disagreement is a place to look, not an error)."""
    simplemma = pytest.importorskip("simplemma")
    agree = total = 0
    for verb in _load("verbs.toml")["verb"]:
        for form in verb["forms"]:
            if not simplemma.is_known(form, lang="bg"):
                continue
            total += 1
            agree += simplemma.lemmatize(form, lang="bg").split("-(")[0] == verb["lemma"]
    assert total > 500 and agree / total > 0.9


def test_agency_aliases_are_unique():
    seen = Counter()
    for agency in _load("agencies.toml")["agency"]:
        seen.update({a.lower() for a in [agency["name"], *agency.get("aliases", [])]})
    assert [a for a, n in seen.items() if n > 1] == []


def test_role_forms_are_unique_and_same_as_resolves():
    data = _load("roles.toml")
    forms = Counter(f.lower() for key in ("role", "group", "title") for e in data.get(key, []) for f in e["forms"])
    assert [f for f, n in forms.items() if n > 1] == []
    lemmas = {e["lemma"] for e in data["role"]}
    assert all(other in lemmas for e in data["role"] for other in e.get("same_as", []))


@pytest.mark.parametrize("name, tables", [
    ("places.toml", ["places"]),
    ("given_names.toml", ["given_names"]),
    ("speakers.toml", ["bodies", "people"]),
    ("speakers.toml", ["adverbials"]),
])
def test_word_lists_name_each_word_once(name, tables):
    """A word listed twice, or under two genders or kinds, is a slip in the data."""
    data = _load(name)
    seen = Counter(w.lower() for t in tables for key, words in data[t].items() if isinstance(words, list)
                   for w in words)
    assert seen and [w for w, n in seen.items() if n > 1] == []


def test_a_place_a_given_name_and_an_agency_are_never_the_same_word():
    places = {w.lower() for ws in _load("places.toml")["places"].values() for w in ws}
    given = {w.lower() for ws in _load("given_names.toml")["given_names"].values() for w in ws}
    agencies = {a.lower() for e in _load("agencies.toml")["agency"] for a in [e["name"], *e.get("aliases", [])]}
    assert not places & given and not places & agencies and not given & agencies


def test_a_users_rules_folder_overrides_one_file(tmp_path: Path):
    (tmp_path / "agencies.toml").write_text(
        '[meta]\nsource = "a test: one made-up agency, to check user rules take effect"\n'
        '[[agency]]\nname = "Вестникар"\naliases = ["Vestnikar"]\ncountry = "BG"\nkind = "online"\n',
        encoding="utf-8")
    rules = load_rules(str(tmp_path))
    assert ("vestnikar",) in rules.agencies and ("бта",) not in rules.agencies
    assert len(rules.verbs) == len(load_rules().verbs)  # the other files fall back to the shipped ones


@pytest.mark.parametrize("content, words", [
    ("[meta]\nsource = 'x'\n[[verb]]\nlemma = 'кажа'\nframe = 'shout'\nforms = ['каза']\n", "frame must be one of"),
    ("[meta]\nsource = 'x'\n[[verb]]\nlemma = 'кажа'\nframe = 'speech'\nforms = ['каза']\n"
     "[[verb]]\nlemma = 'казвам'\nframe = 'speech'\nforms = ['каза']\n", "already listed under"),
    ("[meta]\nsource = 'x'\n[[verb]\n", "not valid TOML"),
    ("[[verb]]\nlemma = 'кажа'\nframe = 'speech'\nforms = ['каза']\n", "[meta] source is missing"),
    ("meta = 'x'\n", "[meta] source is missing"),
    ("verb = 'not a list of tables'\n[meta]\nsource = 'x'\n", "expected an array of tables"),
])
def test_a_broken_rule_file_is_named_with_its_entry(tmp_path: Path, content, words):
    (tmp_path / "verbs.toml").write_text(content, encoding="utf-8")
    with pytest.raises(RulesError) as err:
        load_rules(str(tmp_path))
    assert "verbs.toml" in str(err.value) and words in str(err.value)


def test_shipped_rules_are_found_from_an_installed_copy(tmp_path: Path):
    """The wheel carries rules/ as quotetrack/rules; the loader looks there first."""
    pkg = tmp_path / "quotetrack"
    shutil.copytree(Path(__file__).resolve().parent.parent / "quotetrack", pkg)
    shutil.copytree(RULES, pkg / "rules")
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-c", "import quotetrack.rules as r; print(r.shipped_rules_dir())"],
                         cwd=tmp_path, capture_output=True, text=True, check=True)
    assert Path(out.stdout.strip()) == pkg / "rules"
