"""The terminal tables (issue 14): in 80, 100 and 120 columns the statement column gets the
room, the other columns are capped and wrap, and nothing is cut to "…". Each table is read
back column by column, so a statement or a name must show whole, in order, in its own column.
The sentences are our own."""
from __future__ import annotations

import io

import pytest
from rich.console import Console

from quotetrack import render

LONG_SPEAKER = "Председателят на Европейската комисия Урсула фон дер Лайен"
LONG_SOURCE = "Министерството на земеделието, цитирано от Българската телеграфна агенция и Ройтерс"
LONG_STATEMENT = (
    "бюджетът на съюза за следващите седем години трябва да бъде преразгледан внимателно, защото "
    "земеделските стопани, общините и малките предприятия очакват ясни правила, навременни плащания "
    "и повече подкрепа за иновации, образование, инфраструктура и опазване на околната среда в "
    "планинските и граничните райони на страната")
SECOND_STATEMENT = (
    "Ще предложим промени в закона за горите още преди лятната ваканция на парламента, а след това "
    "ще обсъдим с неправителствените организации, ловните дружини и собствениците на гори как да се "
    "финансира охраната на защитените територии през следващите няколко сезона без нови такси за гражданите")
MARKUP_STATEMENT = "Снимката [снимка] е от архива, а думите [bold]не[/bold] са удебелени"

QUOTES = [
    dict(path="news/brussels.txt", title="Брюксел обсъжда бюджета на съюза", date="2026-04-02", agency="БТА",
         kind="indirect", speaker=LONG_SPEAKER, verb="по думите на", source=LONG_SOURCE, text=LONG_STATEMENT),
    dict(path="news/brussels.txt", title="Брюксел обсъжда бюджета на съюза", date="2026-04-02", agency="БТА",
         kind="direct", speaker="Заместник-министърът на околната среда и водите Светослава Кирилова-Петкова",
         verb="допълни", source="Българското национално радио", text=SECOND_STATEMENT),
    dict(path="news/forests.txt", title="Горите [и] парламентът", date="2026-04-03", agency=None,
         kind="partial", speaker=None, verb=None, source=None, text=MARKUP_STATEMENT),
]

SPEAKERS = [
    dict(name=LONG_SPEAKER, kind="person", count=127, direct=40, partial=17, indirect=70, articles=88,
         roles=["председател на Европейската комисия", "бивш министър на отбраната"],
         aliases=["фон дер Лайен", "Урсула фон дер Лайен", "председателката Урсула фон дер Лайен",
                  "Лайен", "германската политичка Урсула фон дер Лайен"],
         first_date="2024-01-15", last_date="2026-04-02",
         agencies=["БТА", "БГНЕС"], sources=["Ройтерс", "Франс Прес", "Асошиейтед Прес"]),
    dict(name="Светослава Кирилова-Петкова", kind="person", count=3, direct=1, partial=0, indirect=2, articles=2,
         roles=["заместник-министър на околната среда и водите"], aliases=["Кирилова-Петкова"],
         first_date="2026-04-02", last_date="2026-04-02", agencies=["БТА"], sources=["Българското национално радио"]),
    dict(name="Агенция за социално подпомагане", kind="other", count=1, direct=0, partial=0, indirect=1, articles=1,
         roles=[], aliases=[], first_date=None, last_date=None, agencies=[], sources=[]),
]

VERTICAL = "│┃"


def _console(width: int) -> Console:
    return Console(width=width, record=True, file=io.StringIO())


def _tables(out: str) -> list[list[str]]:
    """Each table in `out` as the text of its columns, top to bottom (the header first), the
    cells' lines joined by one space: a cell's words in order, however they wrapped."""
    lines = out.splitlines()
    tables = []
    for n, top in enumerate(lines):
        if not top.lstrip().startswith("┏"):
            continue
        cuts = [i for i, ch in enumerate(top) if ch in "┏┳┓"]
        body = []
        for line in lines[n + 1:]:
            if line.lstrip().startswith("└"):
                break
            if all(len(line) > c and line[c] in VERTICAL for c in cuts):
                body.append(line)
        tables.append([" ".join(" ".join(line[a + 1:b] for line in body).split()) for a, b in zip(cuts, cuts[1:])])
    return tables


def _widths(out: str) -> list[list[int]]:
    """The width of each column inside its borders, per table."""
    return [[b - a - 1 for a, b in zip(cuts, cuts[1:])]
            for cuts in ([i for i, ch in enumerate(line) if ch in "┏┳┓"] for line in out.splitlines()
                         if line.lstrip().startswith("┏"))]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _quote_output(width: int, rows: list[dict] = QUOTES) -> str:
    console = _console(width)
    render.quote_table(rows, console=console)
    return console.export_text()


def _speaker_output(width: int) -> str:
    console = _console(width)
    render.speaker_table(SPEAKERS, console=console)
    return console.export_text()


def _intact(part: str, column: str) -> bool:
    """`part` is in `column` with every letter, in order, though a word may be folded."""
    return "".join(part.split()) in "".join(column.split())


@pytest.mark.parametrize("width", [80, 100, 120])
def test_quote_table_shows_every_statement_whole(width):
    out = _quote_output(width)
    assert "…" not in out
    assert all(len(line) <= width for line in out.splitlines())
    brussels, forests = _tables(out)
    kind, speaker, verb, source, statement = brussels
    assert kind.split() == ["kind", "indirect", "direct"]
    for q in QUOTES[:2]:
        assert _flat(q["text"]) in statement  # wrapped, in order, not one word lost or cut
        assert _flat(q["speaker"]) in speaker
        assert q["verb"] in verb
        # in 80 columns the longest words of a long source chain may fold; in 100 and more
        # they show whole
        assert _flat(q["source"]) in source if width >= 100 else _intact(q["source"], source)
    assert len(LONG_STATEMENT.split()) >= 40 and len(SECOND_STATEMENT.split()) >= 40
    assert _flat(MARKUP_STATEMENT) in forests[4] and "unattributed" in forests[1]


@pytest.mark.parametrize("width", [80, 100, 120])
def test_quote_table_every_word_shows_whole_in_the_output(width):
    """Box drawing and line ends aside, every word of every statement and every name is a
    whole token of the output: nothing folded mid-word, nothing squeezed out."""
    tokens = set(_flat("".join(" " if ch in VERTICAL else ch for ch in _quote_output(width))).split())
    for q in QUOTES:
        for field in ("text", "speaker", "verb") + (("source",) if width >= 100 else ()):
            assert set((q[field] or "").split()) <= tokens, (width, field)


@pytest.mark.parametrize("width", [80, 100, 120])
def test_statement_column_gets_the_room(width):
    """Even beside a long name, a long source chain and a twenty-letter hyphenated title (whose
    words stay whole), the statement keeps at least 30% of the room, and in 100 columns and
    more it is the widest."""
    room = width - 3 * 5 - 1
    for kind, speaker, verb, source, statement in _widths(_quote_output(width)):
        assert statement - 2 >= round(0.3 * room)
        assert kind <= len("indirect") + 2  # as wide as its words, not a cell more
        if width >= 100:
            assert statement > max(speaker, verb, source)
        for side in (speaker, verb, source):  # capped: wider only for a word that would not fit
            assert side - 2 <= max(round(0.25 * room), render.WORD_MAX)


@pytest.mark.parametrize("width", [80, 100, 120])
def test_statement_keeps_its_share_beside_ordinary_names(width):
    rows = [dict(q, speaker=name, source="Би Ти Ви") for q, name in zip(QUOTES[:2], ("Урсула фон дер Лайен",
                                                                                    "Светослава Петкова"))]
    out = _quote_output(width, rows)
    (cols,) = _widths(out)
    assert cols[4] - 2 >= round(0.45 * (width - 16))
    kind, speaker, verb, source, statement = _tables(out)[0]
    assert "Урсула фон дер Лайен" in speaker and "Светослава Петкова" in speaker and _flat(LONG_STATEMENT) in statement


def test_article_words_are_not_markup():
    out = _quote_output(100)
    assert "[снимка]" in out and "[bold]не[/bold]" in out and "Горите [и] парламентът" in out


def test_default_console_is_the_terminal(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "100")
    render.quote_table(QUOTES)
    out = capsys.readouterr().out
    assert "…" not in out and _flat(LONG_STATEMENT) in _tables(out)[0][4]
    render.speaker_table(SPEAKERS)
    out = capsys.readouterr().out
    assert "…" not in out and LONG_SPEAKER in _tables(out)[0][0]


def test_nothing_to_show():
    console = _console(80)
    render.quote_table([], console=console)
    render.speaker_table([], console=console)
    assert console.export_text().split("\n")[:2] == ["No statements found.", "No speakers stored."]


@pytest.mark.parametrize("width", [80, 100, 120])
def test_speaker_table_shows_every_name_whole(width):
    out = _speaker_output(width)
    assert "…" not in out
    assert all(len(line) <= width for line in out.splitlines())
    (table,) = _tables(out)
    speaker, said, dpi, art, roles, dates, carried = table
    tokens = set(_flat("".join(" " if ch in VERTICAL else ch for ch in out)).split())
    for r in SPEAKERS:
        assert _flat(r["name"]) in speaker and set(r["name"].split()) <= tokens
        for role in r["roles"][:2]:  # in 80 columns a long title may fold, in 100 and more not
            assert role in roles and set(role.split()) <= tokens if width >= 100 else _intact(role, roles)
        for carrier in (r["agencies"] + r["sources"])[:3]:
            assert carrier in carried if width >= 100 else _intact(carrier, carried)
    assert "фон дер Лайен" in speaker and "+2 more" in speaker  # the three shortest aliases, then a count
    assert "(other)" in speaker
    assert said.split() == ["said", "127", "3", "1"] and "40/17/70" in dpi and art.split()[:2] == ["art.", "88"]
    assert "2024-01-15 – 2026-04-02" in dates


@pytest.mark.parametrize("width", [80, 100, 120])
def test_speaker_table_explains_its_abbreviations(width):
    out = _speaker_output(width)
    caption = _flat(out[out.rindex("┘") + 1:])
    for short, meaning in (("said", "statements"), ("d/p/i", "direct / partial / indirect"), ("art.", "articles")):
        assert f"{short}: {meaning}" in caption


@pytest.mark.parametrize("width", [80, 100, 120])
def test_speaker_column_gets_the_room(width):
    (cols,) = _widths(_speaker_output(width))
    assert cols[0] == max(cols) and cols[0] - 2 >= round(0.3 * (width - 3 * 7 - 1))


@pytest.mark.parametrize("width", [40, 60])
def test_a_narrow_terminal_folds_but_never_cuts(width):
    for out in (_quote_output(width), _speaker_output(width)):
        assert "…" not in out
        assert all(len(line) <= width for line in out.splitlines())


def test_json_records_are_the_same_on_a_byte_stream_a_text_stream_and_another_encoding():
    import io

    rows = [{"speaker": "Иван Петров", "text": "„Ще видим“, каза той.", "start": 3, "via": ["БТА"]},
            {"speaker": None, "text": "без автор", "start": 9, "via": []}]
    for fmt in ("json", "jsonl"):
        plain = io.StringIO()
        render.records(rows, fmt, out=plain)
        for encoding in ("utf-8", "cp1251"):
            raw = io.BytesIO()
            stream = io.TextIOWrapper(raw, encoding=encoding, newline="")
            stream.write("заглавие\n")  # what was written before comes first
            render.records(rows, fmt, out=stream)
            stream.flush()
            assert raw.getvalue().decode(encoding) == "заглавие\n" + plain.getvalue()
        assert plain.getvalue().count("Иван Петров") == 1
