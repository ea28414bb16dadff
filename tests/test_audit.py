"""`audit`: each finding type on small sets of articles written for these tests (the people and
events are fictional), and the cases that must not be flagged."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrack import extract_article, load_rules
from quotetrack.audit import audit
from quotetrack.cli import app
from quotetrack.people import build

RULES = load_rules()
runner = CliRunner()

BUDGET = "бюджетът за догодина ще бъде балансиран и без нови данъци и без нови заеми"
WIRE = ("СОФИЯ /БТА/ Общинският съвет прие вчера плана за ремонт на всички училища в града до края на "
        "следващата година. Ремонтите ще струват около двадесет милиона лева и ще започнат през март. "
        "Кметът Петко Ангелов заяви, че парите ще дойдат от европейските фондове и от общинския бюджет. "
        "„Нито едно дете няма да учи в сграда без отопление“, каза Ангелов. Опозицията гласува против, "
        "защото планът не включва детските градини в крайните квартали.")


def run(articles: dict[str, str], scope: set[str] | None = None):
    """Extract the articles, then audit them; `scope` names the paths to report on."""
    exs = [extract_article(text, path=path) for path, text in articles.items()]
    arts = [ex.article.to_dict() for ex in exs]
    records = [q.to_dict() for ex in exs for q in ex.quotes]
    ids = {ex.article.id for ex in exs if ex.article.path in scope} if scope is not None else None
    return audit(arts, records, build(records, RULES), RULES, ids)


def kinds(report) -> list[tuple[str, str, str | None]]:
    return [(f.type, f.severity, f.path) for f in report.findings]


def test_a_direct_quote_with_no_speaker_is_unattributed():
    report = run({"a.txt": "Токът\n\n„Цените на тока няма да се променят до лятото.“\n\nРегулаторът обсъжда нови правила."})
    assert kinds(report) == [("unattributed", "medium", "a.txt")]
    (st,) = report.findings[0].statements
    assert st["text"] == "Цените на тока няма да се променят до лятото." and st["start"] > 0


@pytest.mark.parametrize("body", [
    "Мерките няма да помогнат на малкия бизнес, смятат експерти.",
    "Говори се, че кметът ще се кандидатира отново.",
    "Според източници от министерството проверката ще продължи месец.",
    "Проверката ще продължи месец, твърдят анализатори.",
])
def test_vague_sources_are_flagged(body):
    report = run({"a.txt": "Новини\n\n" + body})
    assert [f.type for f in report.findings] == ["vague_source"]
    assert report.findings[0].statements[0]["start"] >= 0


@pytest.mark.parametrize("body", [
    "Министърът Иван Петров заяви, че според запознати с делото проверката ще продължи месец.",
    "Основният източник на замърсяване в града са старите печки, показва докладът на инспекцията.",
])
def test_a_named_speaker_or_a_source_of_something_else_is_not_vague(body):
    assert [f.type for f in run({"a.txt": "Новини\n\n" + body}).findings] == []


def test_one_statement_credited_to_two_people_is_a_conflict():
    report = run({
        "a.txt": f"Бюджетът\n\nМинистърът на финансите Иван Петров заяви, че {BUDGET}.",
        "b.txt": f"Бюджетът\n\nВицепремиерът Георги Колев заяви, че {BUDGET}.",
    })
    assert kinds(report) == [("conflicting_attribution", "high", "a.txt")]
    f = report.findings[0]
    assert {s["person"] for s in f.statements} == {"Иван Петров", "Георги Колев"}
    assert "Иван Петров" in f.explanation and "Георги Колев" in f.explanation and "b.txt" in f.explanation


def test_a_misspelled_name_is_a_conflict_that_says_the_names_look_alike():
    report = run({
        "a.txt": f"Бюджетът\n\nМинистърът на финансите Иван Петров заяви, че {BUDGET}.",
        "b.txt": f"Бюджетът\n\nФинансовият министър Иван Петков заяви, че {BUDGET}.",
    })
    assert [f.type for f in report.findings] == ["conflicting_attribution"]
    assert "look alike" in report.findings[0].explanation


def test_a_paraphrase_of_the_same_statement_is_the_same_statement():
    report = run({
        "a.txt": "Данъците\n\n„Няма да вдигаме данъците на малкия бизнес през следващата година“, каза министърът Иван Петров.",
        "b.txt": "Данъците\n\nВицепремиерът Георги Колев заяви, че няма да вдигат данъците на малкия бизнес през следващата година.",
    })
    assert [f.type for f in report.findings] == ["conflicting_attribution"]


def test_one_statement_credited_to_two_media_is_a_medium_conflict():
    report = run({
        "a.txt": f"Бюджетът\n\nМинистърът на финансите Иван Петров заяви, че {BUDGET}, предаде АФП.",
        "b.txt": f"Бюджетът\n\nМинистърът на финансите Иван Петров заяви, че {BUDGET}, предаде Ройтерс.",
    })
    assert kinds(report) == [("conflicting_attribution", "medium", "a.txt")]
    assert "АФП" in report.findings[0].explanation and "Ройтерс" in report.findings[0].explanation


def test_two_people_with_similar_names_who_both_spoke_are_not_a_conflict():
    report = run({
        "a.txt": f"Бюджетът\n\nМинистърът на финансите Иван Петров заяви, че {BUDGET}.",
        "b.txt": "Пътищата\n\nМинистърът на транспорта Иван Петков заяви, че магистралата ще бъде готова до есента "
                 "на следващата година.",
    })
    assert report.findings == []


def test_a_speaker_quoted_twice_with_the_same_words_is_not_flagged():
    quote = "„Не планираме нови данъци през следващата година“, каза министърът на финансите Иван Петров."
    report = run({"a.txt": "Данъци\n\n" + quote, "b.txt": "Без нови данъци\n\n" + quote + " Той говори пред депутати."})
    assert report.findings == []


@pytest.mark.parametrize("changed, severity, described", [
    ("„Не планираме нови данъци през тази година“", "medium", "\"следващата\" becomes \"тази\""),
    ("„Планираме нови данъци през следващата година“", "high", "drops \"не\""),
    ("„Не планираме нови данъци и такси през следващата година“", "medium", "adds \"и такси\""),
])
def test_words_changed_inside_the_quote_marks_are_an_altered_quote(changed, severity, described):
    report = run({
        "a.txt": "Данъци\n\n„Не планираме нови данъци през следващата година“, каза министърът на финансите Иван Петров.",
        "b.txt": f"Данъци\n\n{changed}, каза министърът на финансите Иван Петров.",
    })
    assert kinds(report) == [("altered_quote", severity, "b.txt")]
    f = report.findings[0]
    assert described in f.explanation and f.ops and f.similarity < 100
    assert [s["path"] for s in f.statements] == ["a.txt", "b.txt"]


def test_a_shorter_excerpt_of_a_quote_is_not_altered():
    report = run({
        "a.txt": "Данъци\n\n„Не планираме нови данъци през следващата година, но ще намалим разходите“, каза министърът Иван Петров.",
        "b.txt": "Данъци\n\n„Не планираме нови данъци през следващата година“, каза министърът Иван Петров.",
    })
    assert report.findings == []


def test_wire_copy_with_its_credit_removed_is_an_uncredited_copy():
    report = run({
        "bta.txt": "Училищата ще бъдат ремонтирани\n\n" + WIRE,
        "site.txt": "Ремонт на всички училища до година\n\n" + WIRE.replace("СОФИЯ /БТА/ ", ""),
    })
    assert kinds(report) == [("uncredited_copy", "high", "site.txt")]
    f = report.findings[0]
    assert "БТА" in f.explanation and [s["path"] for s in f.statements] == ["site.txt", "bta.txt"]


@pytest.mark.parametrize("copy", [
    WIRE,  # the copy keeps the dateline credit
    WIRE.replace("СОФИЯ /БТА/ ", "") + " /БТА/",
    WIRE.replace("СОФИЯ /БТА/ ", "СОФИЯ /БГНЕС/ "),  # credited to another wire: a credit all the same
])
def test_a_credited_copy_is_not_a_finding(copy):
    report = run({"bta.txt": "Училищата\n\n" + WIRE, "site.txt": "Ремонт на училищата\n\n" + copy})
    assert [f.type for f in report.findings] == []


def test_source_chains_go_from_the_speaker_to_the_article_credit():
    report = run({"a.txt": "Ким\n\n„Ще продължим изпитанията на ракети“, каза Ким пред KCNA, цитиран от Ройтерс, предаде БГНЕС.",
                  "b.txt": "Пристанището\n\nРаботата на пристанището ще бъде спряна, съобщи сайтът Порт Нюз, "
                           "цитиран от Ройтерс. „Спираме за седмица“, каза директорът Джон Смит пред Порт Нюз. /БТА"})
    chains = {tuple(c["chain"]) for c in report.chains}
    assert ("Ким", "ЦТАК", "Ройтерс", "БГНЕС") in chains
    assert ("Джон Смит", "Порт Нюз", "Ройтерс", "БТА") in chains


def test_scope_reports_only_the_chosen_articles_but_compares_with_all():
    articles = {
        "old/a.txt": f"Бюджетът\n\nМинистърът на финансите Иван Петров заяви, че {BUDGET}.",
        "new/b.txt": f"Бюджетът\n\nВицепремиерът Георги Колев заяви, че {BUDGET}.",
        "old/c.txt": "Токът\n\n„Цените на тока няма да се променят до лятото.“",
    }
    report = run(articles, scope={"new/b.txt"})
    assert kinds(report) == [("conflicting_attribution", "high", "new/b.txt")]
    assert report.summary["articles"] == 1 and list(report.summary["by_outlet"]) == ["new"]


# -- the command ---------------------------------------------------------------------------------

@pytest.fixture()
def store(tmp_path: Path) -> Path:
    texts = {
        "bta/a.txt": "Училищата ще бъдат ремонтирани\n12.03.2024\n\n" + WIRE,
        "site/b.txt": "Ремонт на всички училища\n13.03.2024\n\n" + WIRE.replace("СОФИЯ /БТА/ ", ""),
        "site/c.txt": "Мерки\n13.03.2024\n\nМерките няма да помогнат на малкия бизнес, смятат експерти.",
    }
    for name, text in texts.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "q.json"
    result = runner.invoke(app, ["extract", str(tmp_path / "bta"), str(tmp_path / "site"), "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return db


def test_audit_json_has_findings_and_a_summary_per_agency(store):
    result = runner.invoke(app, ["audit", "--db", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [(f["type"], f["severity"]) for f in report["findings"]] == [("uncredited_copy", "high"), ("vague_source", "low")]
    for f in report["findings"]:
        assert {"type", "severity", "path", "article_id", "statements", "explanation"} <= set(f)
        assert all({"start", "end", "text"} <= set(s) for s in f["statements"])
    agencies = report["summary"]["by_agency"]
    assert agencies["БТА"]["statements"] == 2 and agencies["БТА"]["named_speaker_share"] == 1.0
    assert agencies["(none)"]["findings"]["uncredited_copy"] == 1


@pytest.mark.parametrize("args, code", [
    ([], 0), (["--fail-on", "high"], 1), (["--fail-on", "low"], 1),
    (["--fail-on", "high", "--path", "*/c.txt"], 0), (["--fail-on", "low", "--path", "*/c.txt"], 1),
    (["--fail-on", "high", "--since", "2024-03-13", "--until", "2024-03-13"], 1),
    (["--fail-on", "low", "--since", "2025"], 1),  # nothing in scope is an error, never a silent pass
])
def test_fail_on_sets_the_exit_code(store, args, code):
    result = runner.invoke(app, ["audit", "--db", str(store), "--format", "json", *args])
    assert result.exit_code == code, result.output


def test_the_rich_report_shows_findings_summary_and_chains(store):
    result = runner.invoke(app, ["audit", "--db", str(store)])
    assert result.exit_code == 0
    out = result.stdout
    assert "uncredited_copy" in out and "vague_source" in out and "By agency" in out and "By outlet" in out
    assert out.index("HIGH") < out.index("LOW")


def test_bad_dates_and_missing_store_are_one_line(store, tmp_path: Path):
    result = runner.invoke(app, ["audit", "--db", str(store), "--since", "yesterday"])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1  # a bad option value: a usage mistake
    result = runner.invoke(app, ["audit", "--db", str(tmp_path / "nothing.json")])
    assert result.exit_code == 1 and "no store here yet" in result.stderr


def test_short_words_many_people_say_are_a_common_phrase_but_a_long_sentence_is_not():
    names = ["Иван Петров", "Георги Колев", "Мария Димова", "Стефан Ангелов"]
    short = run({f"{i}.txt": f"Бюджетът\n\n{name} заяви, че няма да има нови данъци догодина." for i, name in enumerate(names)})
    assert short.findings == []
    long = run({f"{i}.txt": f"Бюджетът\n\n{name} заяви, че {BUDGET}." for i, name in enumerate(names)})
    assert [(f.type, len(f.statements)) for f in long.findings] == [("conflicting_attribution", 4)]


# -- cases a second read brought -------------------------------------------------------------------

LONG_WIRE = WIRE + " " + " ".join(
    f"Точка {n} от плана предвижда нови прозорци, покриви и отопление в още {n + 3} сгради в района." for n in range(20))


@pytest.mark.parametrize("copy", [
    WIRE.replace("СОФИЯ /БТА/ ", "") + " Ремонтът беше обсъден и в други градове, предаде АФП.",  # credits a foreign wire
    WIRE.replace("СОФИЯ /БТА/ ", "По информация на БТА, "),  # credits in the body
    "Ремонтите ще струват около двадесет милиона лева и ще започнат през март.",  # one sentence proves nothing
])
def test_an_article_that_credits_someone_or_is_too_short_is_no_uncredited_copy(copy):
    report = run({"bta.txt": "Училищата\n12.03.2024\n\n" + WIRE, "site.txt": "Ремонт\n13.03.2024\n\n" + copy})
    assert [f.type for f in report.findings if f.type == "uncredited_copy"] == []


def test_an_article_published_before_the_wire_copied_nothing():
    report = run({"bta.txt": "Училищата\n13.03.2024\n\n" + WIRE, "site.txt": "Ремонт\n12.03.2024\n\n" + WIRE.replace("СОФИЯ /БТА/ ", "")})
    assert report.findings == []


def test_a_paragraph_copied_out_of_a_long_wire_is_found():
    report = run({"bta.txt": "Училищата\n\n" + LONG_WIRE, "site.txt": "Ремонт\n\n" + WIRE.replace("СОФИЯ /БТА/ ", "")})
    assert [(f.type, f.path) for f in report.findings] == [("uncredited_copy", "site.txt")]
    assert "of site.txt is found in bta.txt" in report.findings[0].explanation


@pytest.mark.parametrize("changed, severity", [
    ("„Ще вдигаме данъците на малкия бизнес догодина“", "high"),
    ("„Да вдигаме данъците на малкия бизнес догодина“", "high"),
])
def test_a_quote_that_loses_its_negation_is_gravely_altered(changed, severity):
    report = run({
        "a.txt": "Данъци\n\n„Няма да вдигаме данъците на малкия бизнес догодина“, каза министърът Иван Петров.",
        "b.txt": f"Данъци\n\n{changed}, каза министърът Иван Петров.",
    })
    assert [(f.type, f.severity) for f in report.findings] == [("altered_quote", severity)]


@pytest.mark.parametrize("a, b", [
    ("каза министърът Иван Петров пред Би Ти Ви.", "каза министърът Иван Петров пред Нова."),
    ("каза министърът Иван Петров, предаде Ройтерс.", "каза министърът Иван Петров, предаде Ройтерс, цитиран от БТА."),
])
def test_the_same_words_to_two_outlets_or_through_one_chain_are_no_conflict(a, b):
    quote = "„Не планираме нови данъци през следващата година“, "
    report = run({"a.txt": "Данъци\n\n" + quote + a, "b.txt": "Данъци\n\n" + quote + b})
    assert report.findings == []


def test_a_vague_group_is_not_a_second_speaker():
    report = run({
        "a.txt": f"Бюджетът\n\nМинистърът на финансите Иван Петров заяви, че {BUDGET}.",
        "b.txt": f"Бюджетът\n\nСпоред експерти {BUDGET}.",
    })
    assert [f.type for f in report.findings] == ["vague_source"]


@pytest.mark.parametrize("body", [
    "Учениците ще бъдат запознати с правилата в първия учебен ден.",
    "В новата книга се говори за войната и за следвоенните години.",
])
def test_phrases_that_only_look_vague_are_not_flagged(body):
    assert run({"a.txt": "Новини\n\n" + body}).findings == []


def test_an_audit_scope_that_matches_nothing_is_an_error(store):
    result = runner.invoke(app, ["audit", "--db", str(store), "--path", "nowhere/", "--fail-on", "low"])
    assert result.exit_code == 1 and "no stored article matches" in result.stderr


def test_articles_without_statements_count_in_the_summary():
    report = run({"a.txt": "Новини\n\nГовори се, че кметът ще се кандидатира отново.", "b.txt": "Времето\n\nУтре ще вали."})
    assert report.summary["articles"] == 2 and report.summary["by_outlet"]["(none)"]["findings"]["vague_source"] == 1


# -- evidence and confidence (issue 16) ----------------------------------------------------------

LEAD = ("СОФИЯ Общинският съвет прие вчера плана за ремонт на всички училища в града до края на следващата година. "
        "Ремонтите ще струват около двадесет милиона лева и ще започнат през март, след търг.")


def test_the_same_wire_text_read_with_two_speakers_is_the_extractors_not_a_conflict():
    # one text, copied under two intros: "Той" goes to whoever each intro named last; the outlets
    # did not credit the words differently, the extractor read them two ways
    body = f"{LEAD} Той заяви, че {BUDGET}. Опозицията гласува против плана и поиска нов търг."
    report = run({
        "a.txt": "Ремонтите\n\nКметът Петко Ангелов откри сесията на общинския съвет в понеделник.\n\n" + body,
        "b.txt": "Ремонтите\n\nЗаместник-кметът Мария Колева откри сесията на общинския съвет в понеделник.\n\n" + body,
    })
    assert [f.type for f in report.findings] == []
    assert report.summary["set_aside"]["extractor_disagreements"] == 1


def test_a_conflict_named_on_both_sides_is_high_and_carries_its_evidence():
    report = run({
        "a.txt": f"Бюджетът\n\nМинистърът на финансите Иван Петров заяви, че {BUDGET}.",
        "b.txt": f"Бюджетът\n\nВицепремиерът Георги Колев заяви, че {BUDGET}.",
    })
    (f,) = report.findings
    assert (f.type, f.severity) == ("conflicting_attribution", "high") and f.confidence >= 0.8
    assert f.evidence["attribution"] == ["name", "name"] and f.evidence["context_similarity"] < 85
    assert {s["attribution"] for s in f.statements} == {"name"}
    assert f.to_dict()["confidence"] == f.confidence and "evidence" in f.to_dict()


def test_a_conflict_resting_on_a_pronoun_is_low_and_min_confidence_drops_it():
    articles = {
        "a.txt": f"Бюджетът\n\nМинистърът на финансите Иван Петров заяви, че {BUDGET}.",
        "b.txt": f"Бюджетът\n\nВицепремиерът Георги Колев откри заседанието. По-късно той заяви, че {BUDGET}.",
    }
    (f,) = run(articles).findings
    assert f.severity == "low" and "pronoun" in f.evidence["attribution"]
    exs = [extract_article(text, path=path) for path, text in articles.items()]
    records = [q.to_dict() for ex in exs for q in ex.quotes]
    sure = audit([ex.article.to_dict() for ex in exs], records, build(records, RULES), RULES, min_confidence=0.8)
    assert sure.findings == []


def test_two_statements_shared_by_the_same_two_articles_and_speakers_are_one_finding():
    more = "общината ще поеме и ремонта на всички детски градини в крайните квартали още тази година"
    report = run({
        "a.txt": f"Бюджетът\n\nМинистърът Иван Петров заяви, че {BUDGET}. Парламентът ще гласува проекта в сряда, "
                 f"след дълъг дебат в комисиите.\n\nМинистърът Иван Петров добави, че {more}.",
        "b.txt": f"Бюджетът\n\nКметът Георги Колев заяви пред граждани в читалището, че {BUDGET}.\n\nСрещата продължи два "
                 f"часа и беше шумна. Кметът Георги Колев обеща още, че {more}.",
    })
    (f,) = report.findings
    assert f.type == "conflicting_attribution" and len(f.statements) == 4 and f.evidence["statements"] == 2
    assert f.explanation.startswith("2 statements are credited")


@pytest.mark.parametrize("a_name, b_name", [
    ("Семейството", "Семейството на Мария Петрова"),  # narrowed by its complement
    ("Обновление", "Партия „Обновление“"),  # a body's noun beside its name
])
def test_two_forms_of_one_speaker_are_no_conflict(a_name, b_name):
    report = run({
        "a.txt": f"Бюджетът\n\n{a_name} заяви, че {BUDGET}.",
        "b.txt": f"Бюджетът\n\nВчера {b_name} заяви, че {BUDGET}.",
    })
    assert [f.type for f in report.findings if f.type == "conflicting_attribution"] == []


@pytest.mark.parametrize("changed", [
    "„Не планираме нови данъци през следващата година, нито по- високи такси“",  # a hyphen run apart
    "„Не планираме нови данъци през следващата година, нито по-високи тaкси“",  # a Latin "a" in a Cyrillic word
])
def test_layout_artefacts_are_no_altered_quote(changed):
    report = run({
        "a.txt": "Данъци\n\n„Не планираме нови данъци през следващата година, нито по-високи такси“, каза министърът Иван Петров.",
        "b.txt": f"Данъци\n\n{changed}, каза министърът Иван Петров.",
    })
    assert [f.type for f in report.findings] == []


def test_a_quote_credited_just_after_its_sentence_is_not_unattributed():
    quote = "„Цените на тока няма да се променят до лятото.“"
    credited = run({"a.txt": f"Токът\n\n{quote} Това каза председателят на регулатора пред журналисти."})
    assert [f.type for f in credited.findings if f.type == "unattributed"] == []
    alone = run({"a.txt": f"Токът\n\n{quote}\n\nРегулаторът обсъжда нови правила за пазара."})
    (f,) = alone.findings
    assert (f.type, f.severity) == ("unattributed", "medium") and f.evidence["marked"] is True


def test_min_confidence_keeps_the_findings_sure_enough(store):
    every = json.loads(runner.invoke(app, ["audit", "--db", str(store), "--format", "json"]).stdout)["findings"]
    result = runner.invoke(app, ["audit", "--db", str(store), "--format", "json", "--min-confidence", "0.8"])
    assert result.exit_code == 0, result.output
    sure = json.loads(result.stdout)["findings"]
    assert [f["type"] for f in sure] == ["uncredited_copy"] and len(every) == 2
    assert all(0 <= f["confidence"] <= 1 and isinstance(f["evidence"], dict) for f in every)
    bad = runner.invoke(app, ["audit", "--db", str(store), "--min-confidence", "2"])
    assert bad.exit_code == 2 and len(bad.stderr.strip().splitlines()) >= 1


def test_a_quote_under_a_colon_heading_is_not_unattributed():
    report = run({"a.txt": "Токът\n\nПредседателят на регулатора пред депутатите:\n\n„Цените на тока няма да се променят до лятото.“"
                            "\n\nРегулаторът обсъжда нови правила за пазара."})
    assert [f.type for f in report.findings if f.type == "unattributed"] == []


def test_a_vague_partial_inside_a_vague_statement_is_one_finding():
    report = run({"a.txt": "Новини\n\nСпоред източници от министерството проверката ще бъде „строга и дълга“ и ще продължи месец."})
    assert [f.type for f in report.findings] == ["vague_source"]


def test_look_alike_names_are_more_likely_one_person_than_a_conflict():
    report = run({
        "a.txt": f"Бюджетът\n\nМинистърът на финансите Иван Петров заяви, че {BUDGET}.",
        "b.txt": f"Бюджетът\n\nФинансовият министър Иван Петков заяви, че {BUDGET}.",
    })
    (f,) = report.findings
    assert f.severity == "low" and f.confidence <= 0.5 and "look alike" in f.explanation


# -- a whole store's worth: texts fetched as read, statements as tuples --------------------------

def test_texts_fetched_from_the_store_give_the_same_audit_a_few_at_a_time(monkeypatch):
    """The audit of articles without their texts, given a fetch of the store's, finds what it
    finds with every text in hand, and never asks for more than a batch at once."""
    from quotetrack import audit as audit_module
    from quotetrack.store.records import slim

    articles = {"bta.txt": "Училищата ще бъдат ремонтирани\n\n" + WIRE,
                "site.txt": "Ремонт на всички училища до година\n\n" + WIRE.replace("СОФИЯ /БТА/ ", ""),
                "other.txt": "Бюджетът\n\n„" + BUDGET[0].upper() + BUDGET[1:] + "“.\nАнализатори твърдят, че това е трудно."}
    exs = [extract_article(text, path=path) for path, text in articles.items()]
    records = [q.to_dict() for ex in exs for q in ex.quotes]
    whole = audit([ex.article.to_dict() for ex in exs], records, build(records, RULES), RULES).to_dict()
    texts = {ex.article.id: ex.article.text for ex in exs}
    asked: list[list[str]] = []

    def fetch(ids):
        asked.append(list(ids))
        return {i: texts[i] for i in ids}

    monkeypatch.setattr(audit_module.Texts, "BATCH", 2)
    bare = [{k: v for k, v in ex.article.to_dict().items() if k != "text"} for ex in exs]
    slim_records = slim(records)
    fetched = audit(bare, slim_records, build(slim_records, RULES), RULES, texts=fetch).to_dict()
    assert fetched == whole
    assert {f["type"] for f in whole["findings"]} >= {"uncredited_copy", "unattributed", "vague_source"}
    assert asked and max(len(ids) for ids in asked) <= 2


def test_a_stored_record_reads_like_its_dict():
    from quotetrack.models import Record
    from quotetrack.store.records import slim

    ex = extract_article("Заглавие\n\nИван Радев заяви: „Бюджетът е готов.“", path="a.txt")
    doc = {**ex.quotes[0].to_dict(), "via": ["БТА"], "location": "/news/a.txt"}
    (r,) = slim([doc])
    assert isinstance(r, Record) and r["text"] == doc["text"] and r.get("via") == ("БТА",)
    assert r.get("title") == doc["title"] and r.get("nothing") is None and "speaker" in r
    assert {**r}["speaker"] == "Иван Радев" and r.with_person("Иван Радев")["person"] == "Иван Радев"
    assert r.as_dict() == {**doc, "person": None}
    two = slim([doc, dict(doc)])
    assert two[0]["text"] is two[1]["text"]  # one string for a statement many articles carry
