"""`report`, `audit --format html`, `diff --format html`: the pages, read as text and as the DOM a
real browser builds from them with their script run (Debian's headless chromium; CI installs it
from .ci/run, and these tests fail, not skip, without it). The articles are written for these
tests; the people and events are fictional."""
from __future__ import annotations

import itertools
import json
import random
import re
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import quote

import lxml.html
import pytest
from typer.testing import CliRunner

from quotetrack import load_rules
from quotetrack.cli import app
from quotetrack.people import build
from quotetrack.report import chain_graph, marked, render_audit, render_report, timeline

runner = CliRunner()
RULES = load_rules()

ARTICLES = {
    "wire.txt": """Пристанището във Варна ще бъде разширено
04.02.2025

ВАРНА /БТА/ Министърът на транспорта Калоян Добрев заяви, че разширението на пристанището ще започне през пролетта и ще осигури нови работни места. „Проектът ще бъде завършен до края на 2027 година без нито един лев от държавния бюджет“, каза Добрев.

„Общината ще подкрепи проекта с всички сили“, заяви кметът на Варна Венелин Тодоров пред Радио Черно море, цитиран от БГНЕС.
""",
    # the same statement, credited to someone else; and a statement that is markup
    "portal.txt": """Нови работни места в пристанището
05.02.2025

Заместник-министърът Огнян Славов заяви, че разширението на пристанището ще започне през пролетта и ще осигури нови работни места.

„Няма да търпим <script>alert(1)</script> & подобни номера в обществените поръчки“, каза председателят на комисията Деян Маринов пред Нова телевизия.
""",
    # a chain of media, and Добрев's quote altered
    "world.txt": """Нови мита за вноса на стомана
06.02.2025

„Ще отговорим на всяка мярка, която засяга нашите производители“, каза премиерът Андрей Илиев пред Си Ен Ен, цитиран от Ройтерс, предаде БГНЕС.

Министърът на транспорта Калоян Добрев отново говори за пристанището. „Проектът ще бъде завършен до края на 2029 година с много пари от държавния бюджет“, каза Добрев.
""",
    "daily.txt": """Рибарите протестират
03.01.2025

Рибарите от Созопол настояват за компенсации, съобщи БНР. „Сезонът беше най-лошият от десет години насам“, каза председателят на сдружението Живко Атанасов.

Според запознати с преговорите министерството ще предложи помощи до края на месеца.
""",
}
SCRIPTED = "Няма да търпим <script>alert(1)</script> & подобни номера в обществените поръчки"


# -- the browser ----------------------------------------------------------------------------------

def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:  # a failure, not a skip: .ci/run installs it, and the page is tested nowhere else
        pytest.fail("chromium is not installed: `apt-get install chromium` (Debian), as .ci/run does")
    return found


def browse(page: Path, profile: Path, fragment: str = "", *, timeout: float = 120) -> lxml.html.HtmlElement:
    """The DOM headless chromium builds from `page` (opened from disk, with `fragment`), after
    the page's script ran."""
    run = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          f"--user-data-dir={profile}", "--dump-dom", "--virtual-time-budget=5000",
                          page.resolve().as_uri() + fragment], capture_output=True, text=True, timeout=timeout, check=False)
    assert run.returncode == 0 and run.stdout.strip(), run.stderr[-2000:]
    dom = lxml.html.fromstring(run.stdout)
    return dom


def texts(dom, xpath: str) -> list[str]:
    return [" ".join(e.text_content().split()) if not isinstance(e, str) else str(e) for e in dom.xpath(xpath)]


# -- a small store ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    news = folder / "news"
    news.mkdir()
    for name, text in ARTICLES.items():
        (news / name).write_text(text, encoding="utf-8")
    db = folder / "q.json"
    result = runner.invoke(app, ["extract", str(news), "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    return db


@pytest.fixture(scope="module")
def page(store: Path) -> Path:
    out = store.parent / "report.html"
    result = runner.invoke(app, ["report", "--db", str(store), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and re.fullmatch(r"wrote \S*report\.html: 4 articles, \d+ statements, \d+ findings \(\d+ KB\)\n",
                                                  result.stderr.replace(str(store.parent) + "/", ""))
    return out


@pytest.fixture(scope="module")
def dom(page: Path, tmp_path_factory):
    return browse(page, tmp_path_factory.mktemp("profile"))


def stored_speakers(db: Path) -> list[str]:
    result = runner.invoke(app, ["speakers", "--db", str(db), "--format", "json"])
    return [s["name"] for s in json.loads(result.stdout)]


# -- the page as a file ----------------------------------------------------------------------------

def test_the_page_makes_no_request_off_the_machine(page: Path):
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="bg">' in html and '<meta charset="utf-8">' in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.IGNORECASE)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", html, re.IGNORECASE)
    assert not re.search(r"@import|@font-face|<link\b|<iframe\b|<img\b", html, re.IGNORECASE)
    assert "default-src 'none'" in html  # and the browser is told to refuse anything else
    assert "DejaVu Sans" in html and "Noto Sans" in html  # fonts with Cyrillic, from the reader's machine


def test_every_user_text_is_escaped(page: Path):
    html = page.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "</script> &" not in html
    assert html.count("<script") == 2  # the data and the page's own script, nothing a statement brought
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 подобни" in html  # inside the inline JSON


# -- the page in a browser -------------------------------------------------------------------------

def test_the_script_runs_and_draws_every_speaker(dom, store: Path):
    (body,) = dom.xpath("//body")
    assert body.get("data-ready") == "1"
    drawn = texts(dom, "//section[contains(@class, 'speaker')]/@data-speaker")
    assert drawn and set(drawn) - {""} == set(stored_speakers(store))
    # newest first within a speaker: Добрев's 2029 quote (06.02) before his 2027 one (04.02)
    dobrev = texts(dom, "//section[@data-speaker='Калоян Добрев']//li[contains(@class, 'st')]/p")
    assert len(dobrev) == 3 and "2029" in dobrev[0] and "2027" in dobrev[-1]


def test_a_statement_that_is_markup_is_shown_as_text(dom):
    assert SCRIPTED in texts(dom, "//li[contains(@class, 'st')]/p[@class='text']")
    assert len(dom.xpath("//script")) == 2


def test_the_overview_counts_and_draws_the_timeline(dom):
    assert texts(dom, "//li[@id='n-articles']/b") == ["4"]
    assert texts(dom, "//li[@id='n-agencies']/b") == ["3"]  # БТА, БГНЕС, БНР
    bars = dom.xpath("//svg[@id='timeline']//rect[@class='bar']")
    assert bars and sum(int(re.search(r"\d+$", b.xpath("string(title)")).group()) for b in bars) == \
        int(texts(dom, "//li[@id='n-statements']/b")[0])


def test_the_findings_are_there_with_the_changed_words_marked(dom):
    kinds = texts(dom, "//article[contains(@class, 'finding')]/@data-type")
    assert {"conflicting_attribution", "altered_quote", "vague_source"} <= set(kinds)
    (altered,) = dom.xpath("//article[@data-type='altered_quote']")
    assert "2027" in texts(altered, ".//del") and "2029" in texts(altered, ".//ins")
    assert "без нито един" in " ".join(texts(altered, ".//del"))
    (conflict,) = dom.xpath("//article[@data-type='conflicting_attribution']")
    said = " ".join(texts(conflict, ".//div[@class='card']"))
    assert "Огнян Славов" in said and "Калоян Добрев" in said


def test_the_source_chains_are_a_graph(dom):
    nodes = texts(dom, "//*[@id='chain-graph']//*[contains(@class, 'node')]/@data-name")
    assert {"Андрей Илиев", "Си Ен Ен", "Ройтерс", "БГНЕС", "Венелин Тодоров"} <= set(nodes)
    assert dom.xpath("//*[@id='chain-graph']//*[contains(@class, 'node') and @data-name='Андрей Илиев']/@data-layer") == ["0"]
    assert len(dom.xpath("//*[@id='chain-graph']//*[contains(@class, 'edge')]")) >= 5


@pytest.mark.parametrize("query, speakers, words", [
    ("Ройтерс", {"Андрей Илиев"}, ["Ройтерс"]),  # a medium the statement came through
    ("Добрев", {"Калоян Добрев"}, ["Добрев"]),  # a speaker
    ("пристанището работни", {"Калоян Добрев", "Огнян Славов"}, ["пристанището", "работни"]),  # words, all of them
    ("нищо-такова", set(), []),
])
def test_the_search_box_filters_statements(page: Path, tmp_path: Path, query, speakers, words):
    dom = browse(page, tmp_path / "profile", "#q=" + quote(query))
    assert dom.xpath("string(//body/@data-query)") == query
    shown = dom.xpath("//section[@id='speakers']//li[contains(@class, 'st')]")
    assert {s for s in texts(dom, "//section[contains(@class, 'speaker')]/@data-speaker")} == speakers
    assert bool(shown) == bool(speakers)
    for li in shown:
        seen = (li.text_content() + " " + li.xpath("string(ancestor::section[1]/@data-speaker)")).lower()
        assert all(w.lower() in seen for w in words)
    if speakers:
        assert texts(dom, "//section[contains(@class, 'speaker')]//mark")  # the words found are marked


def test_the_filters_narrow_the_page(store: Path, tmp_path: Path):
    out = tmp_path / "bta.html"
    result = runner.invoke(app, ["report", "--db", str(store), "--out", str(out), "--agency", "BTA"])
    assert result.exit_code == 0 and "1 articles" in result.stderr
    data = json.loads(re.search(r'<script type="application/json" id="qt-data">(.*?)</script>', out.read_text(encoding="utf-8")).group(1))
    assert [Path(a[0]).name for a in data["articles"]] == ["wire.txt"]
    assert {Path(data["articles"][st[2]][0]).name for st in data["statements"]} == {"wire.txt"}
    assert "agency BTA" in out.read_text(encoding="utf-8")


def test_a_filter_that_matches_nothing_is_an_error_and_writes_nothing(store: Path, tmp_path: Path):
    out = tmp_path / "none.html"
    result = runner.invoke(app, ["report", "--db", str(store), "--out", str(out), "--path", "nwes/"])
    assert result.exit_code == 1 and result.stderr.startswith("quotetrack: report: no stored article matches")
    assert not out.exists()
    bad = runner.invoke(app, ["report", "--db", str(store), "--out", str(out), "--since", "2025-13"])
    assert bad.exit_code == 2 and "is not a date" in bad.stderr
    gone = runner.invoke(app, ["report", "--db", str(store), "--out", str(tmp_path / "no" / "r.html")])
    assert gone.exit_code == 1 and "no such folder" in gone.stderr


def test_a_file_that_is_not_a_page_is_never_replaced(store: Path, tmp_path: Path):
    result = runner.invoke(app, ["report", "--db", str(store), "--out", str(store)])  # a slip of the fingers
    assert result.exit_code == 1 and "is not an HTML page; left untouched" in result.stderr
    assert runner.invoke(app, ["speakers", "--db", str(store)]).exit_code == 0
    old = tmp_path / "old.html"
    old.write_text("<!DOCTYPE html><html><body>old</body></html>", encoding="utf-8")
    assert runner.invoke(app, ["report", "--db", str(store), "--out", str(old)]).exit_code == 0
    assert "qt-data" in old.read_text(encoding="utf-8") and not list(tmp_path.glob(".old.html*"))


# -- audit and diff as pages ------------------------------------------------------------------------

def test_audit_as_a_page(store: Path, tmp_path: Path):
    result = runner.invoke(app, ["audit", "--db", str(store), "--format", "html"])
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")
    assert "<script>alert" not in result.stdout and "http://" not in result.stdout.replace('xmlns="http://www.w3.org/2000/svg"', "")
    page = tmp_path / "audit.html"
    page.write_text(result.stdout, encoding="utf-8")
    dom = browse(page, tmp_path / "profile")
    assert {"conflicting_attribution", "altered_quote"} <= set(texts(dom, "//article[contains(@class, 'finding')]/@data-type"))
    assert "2029" in texts(dom, "//article[@data-type='altered_quote']//ins")
    assert "Ройтерс" in texts(dom, "//*[@id='chain-graph']//*[contains(@class, 'node')]/@data-name")


def test_diff_as_a_page(store: Path, tmp_path: Path):
    news = store.parent / "news"
    result = runner.invoke(app, ["diff", str(news / "wire.txt"), str(news / "portal.txt"), "--format", "html"])
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")
    assert "<script>alert" not in result.stdout and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; подобни" in result.stdout
    page = tmp_path / "diff.html"
    page.write_text(result.stdout, encoding="utf-8")
    dom = browse(page, tmp_path / "profile")
    statuses = texts(dom, "//div[contains(@class, 'pair')]/@data-status")
    assert "reattributed" in statuses and "only_b" in statuses and "only_a" in statuses
    (moved,) = dom.xpath("//div[contains(@data-status, 'reattributed')]")
    assert "Калоян Добрев -> Огнян Славов" in moved.text_content()
    speaker = runner.invoke(app, ["diff", "--speaker", "Добрев", "--db", str(store), "--format", "html"])
    assert speaker.exit_code == 2 and "--format html" in speaker.stderr


def test_history_keeps_its_formats():
    result = runner.invoke(app, ["history", "x.txt", "--format", "html"])
    assert result.exit_code == 2


# -- the parts ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, spans, exp", [
    ("Не планираме нови данъци.", [(3, 4)], [("Не планираме нови ", False), ("данъци", True), (".", False)]),
    ("„без нито един лев“", [(0, 3)], [("„", False), ("без нито един", True), (" лев“", False)]),
    ("едно две", [], [("едно две", False)]),
    ("едно две", [(5, 9)], [("едно две", False)]),  # offsets past the words mark nothing
    ("кой-то каза", [(0, 1)], [("кой-то", True), (" каза", False)]),
])
def test_changed_words_are_cut_out_of_the_text_as_written(text, spans, exp):
    assert marked(text, spans) == exp


def test_the_timeline_picks_its_unit_by_the_span():
    assert timeline({"2025-01-01": 2, "2025-01-31": 1})["unit"] == "day"
    assert len(timeline({"2025-01-01": 2, "2025-01-31": 1})["bars"]) == 31
    assert timeline({"2024-01-01": 2, "2025-06-30": 1})["unit"] == "month"
    assert timeline({"2001-01-01": 2, "2025-06-30": 1, "?": 4})["unit"] == "year"
    assert timeline({"2001-01-01": 2, "?": 4})["undated"] == 4
    assert timeline({"?": 4}) is None


def test_the_chain_graph_places_each_name_once_per_column_without_overlap():
    chains = [{"chain": ["Андрей Илиев", "Си Ен Ен", "Ройтерс", "БГНЕС"], "statements": 3},
              {"chain": ["Андрей Илиев", "Ройтерс", "БГНЕС"], "statements": 1},
              {"chain": ["Ана Вълчева", "Радио Варна", "БТА"], "statements": 2}]
    g = chain_graph(chains)
    columns = {}
    for n in g["nodes"]:
        columns.setdefault(n["layer"], []).append(n)
    assert [sorted(n["name"] for n in columns[0])] == [["Ана Вълчева", "Андрей Илиев"]]
    for col in columns.values():
        assert len({n["name"] for n in col}) == len(col)
        ys = sorted(n["y"] for n in col)
        assert all(b - a >= col[0]["h"] for a, b in itertools.pairwise(ys))
    assert len(g["edges"]) == 7 and g["rows"][0]["statements"] == 3


# -- a big store -------------------------------------------------------------------------------------

FIRST = ["Иван", "Петър", "Георги", "Николай", "Борис", "Стоян", "Васил", "Тодор"]
LAST = ["Петров", "Колев", "Димитров", "Стоянов", "Николов", "Тодоров", "Маринов", "Атанасов", "Христов", "Илиев",
        "Ангелов", "Русев", "Костов", "Павлов", "Янев", "Добрев", "Велев", "Дончев", "Генов", "Кирилов"]
WORDS = ("правителството ще предложи нови мерки за подкрепа на бизнеса и домакинствата през следващата година "
         "общината няма да допусне забавяне на ремонтите по улиците в централната част на града").split()
MEDIA = ["БТА", "БГНЕС", "Фокус", "Ройтерс", "АФП", "Би Ти Ви", "Нова", "БНР"]


def big_store(statements: int, per_article: int = 10):
    """Articles and records as the store keeps them, made up: no extraction."""
    rng = random.Random(14)
    articles, records = [], []
    for a in range(statements // per_article):
        aid, path, day, agency = f"{a:012x}", f"news/{a:05d}.txt", f"2024-{1 + a % 12:02d}-{1 + a % 28:02d}", MEDIA[a % 3]
        articles.append({"id": aid, "path": path, "title": f"Новина {a}", "date": day, "agency": agency, "sha256": aid})
        for k in range(per_article):
            who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 22))).capitalize()
            via = [rng.choice(MEDIA[3:]), agency] if rng.random() < 0.1 else []
            records.append({"article_id": aid, "path": path, "title": f"Новина {a}", "date": day, "agency": agency,
                            "kind": rng.choice(["direct", "indirect", "partial"]), "text": text, "speaker": who,
                            "speaker_mention": who, "role": "министър" if k % 4 == 0 else None, "verb": "заяви",
                            "source": via[0] if via else None, "via": via, "start": k * 300, "end": k * 300 + len(text)})
    return articles, records


def cheap_audit(records) -> dict:
    """An audit report of the shape Report.to_dict() gives (the audit itself is tested elsewhere)."""
    findings = [{"type": "unattributed", "severity": "medium", "path": r["path"], "article_id": r["article_id"],
                 "explanation": "A direct quote that the article credits to no one.", "statements": [{**r, "person": None}]}
                for r in records[:400:8]]
    chains = [{"chain": [r["speaker"], *r["via"]], "path": r["path"], "article_id": r["article_id"], "statements": 1}
              for r in records if r["via"]]
    none = {t: 0 for t in ("uncredited_copy", "conflicting_attribution", "altered_quote", "unattributed", "vague_source")}
    return {"findings": findings, "chains": chains,
            "summary": {"statements": len(records), "articles": len({r["article_id"] for r in records}),
                        "findings": {**none, "unattributed": len(findings)},
                        "by_severity": {"high": 0, "medium": len(findings), "low": 0}, "by_agency": {}, "by_outlet": {}}}


def test_a_store_of_15000_statements_opens_in_seconds(tmp_path: Path):
    articles, records = big_store(15_000)
    people = build(records, RULES)
    started = time.perf_counter()
    html = render_report(articles, records, people, cheap_audit(records), title="big")
    assert time.perf_counter() - started < 10
    page = tmp_path / "big.html"
    page.write_text(html, encoding="utf-8")
    assert page.stat().st_size < 8_000_000  # measured: 3.4 MB
    started = time.perf_counter()
    dom = browse(page, tmp_path / "profile", timeout=60)
    took = time.perf_counter() - started
    (body,) = dom.xpath("//body")
    assert body.get("data-ready") == "1" and took < 30 and int(body.get("data-at")) < 10_000
    # drawn a few at a time: the first speakers, each with their first statements, and a button for more
    assert len(dom.xpath("//section[contains(@class, 'speaker')]")) == 20
    assert len(dom.xpath("//li[contains(@class, 'st')]")) == 200
    assert not dom.xpath("//button[@id='more-speakers']/@hidden")
    assert texts(dom, "//li[@id='n-statements']/b") == ["15,000"]


def test_render_audit_of_an_empty_report_is_a_page():
    html = render_audit({"findings": [], "chains": [], "summary": {"statements": 0, "articles": 0, "findings": {},
                                                                    "by_severity": {"high": 0, "medium": 0, "low": 0},
                                                                    "by_agency": {}, "by_outlet": {}}})
    assert "No findings." in html and "No statement passed through another medium" in html
