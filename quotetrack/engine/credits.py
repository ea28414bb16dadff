"""The article's own credit, read off its frame: a dateline ("СОФИЯ /БТА/", "(БГНЕС)"), a
trailing credit ("/АФП. Днес+"), an "Източник:" or byline line, an agency's copyright footer,
an outlet's name on a line of its own at the top, and last the Bulgarian wire the body credits.

A credit may name an outlet the rules do not list ("/ПИК/", "Източник: Гласове"); it is taken
when it has an outlet's shape: not a place, not a person's name, short."""
from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from ..rules import RuleSet
from .media import Media
from .text import Layout, dateline_at, lines, tokenize

SLASHED = regex.compile(r"(?:^|[\s.])/\s*([\p{L}\d][\p{L}\d. -]{1,40}?)\s*(?:/|$|\s)")
TRAILING = regex.compile(r"(?:^|[\s.,„“\"])/\s*(?P<credit>[\p{L}\d][^/\n]{0,40}?)[\s.]*$"
                         r"|\(\s*(?P<paren>[\p{Lu}\d][\p{Lu}\d .-]{1,20}?)\s*\)[\s.]*$")
DOMAIN_RE = regex.compile(r"^[\p{L}\d-]+\.(?:bg|com|net|eu|org|info)$", regex.IGNORECASE)
# an aggregator's title line: the headline cut short, the time, the outlet ("... 03:30 БНР")
STAMPED_TITLE = regex.compile(r"(?:\.\.\.|…)\s*\d{1,2}:\d{2}\s+(?P<credit>[\p{L}\d][^\n]{0,30}?)\s*$")
TAIL_LINES = 12  # the footer is read this many lines from the end, past the article's end marker
TRAILING_REACH = 120  # characters: a trailing credit, its slash or brackets and what follows it

Evidence = Callable[[str, Layout, RuleSet, Media], Iterator[str]]


def article_agency(text: str, lay: Layout, body_credits: list[str], rules: RuleSet) -> str | None:
    """The article's own credit, strongest evidence first; None when nothing credits it."""
    media = Media(rules)
    for evidence in EVIDENCE:
        for raw in evidence(text, lay, rules, media):
            credit = _outlet(raw, rules, media)
            if credit:
                return credit
    # a Bulgarian wire credited in the body first, else any Bulgarian medium credited there, unless
    # its name is the short form of a foreign one the article names ("Телеграф" of "Дейли телеграф")
    return next((name for name in body_credits if bulgarian_wire(name, rules)), None) or next(
        (name for name in body_credits if (a := rules.agency(name)) is not None and a.country == "BG"
         and not _short_for_foreign(name, text, rules)), None)


def _short_for_foreign(name: str, text: str, rules: RuleSet) -> bool:
    """Whether an article that names a foreign medium ending in `name` ("Дейли телеграф") means
    that one by the short form, not the Bulgarian outlet of the same name."""
    forms = rules.foreign_by_tail.get(name.lower().split()[-1], ()) if name.split() else ()
    low = text.lower() if forms else ""
    return any(form in low for form in forms)


def _datelines(text: str, lay: Layout, rules: RuleSet, media: Media) -> Iterator[str]:
    """"ВАРШАВА (БГНЕС) ...", "Варна /ПИК/ ...": a dateline opening a paragraph."""
    for s, e in lay.paragraphs:
        m = dateline_at(text, s, e)
        if m:
            yield (m.group("credit") or m.group("paren") or "").strip()


def _trailing(text: str, lay: Layout, rules: RuleSet, media: Media) -> Iterator[str]:
    """"... евро./РИА-Новости.", "/АФП. Днес+": a credit closing the last paragraph; a known
    wire in slashes anywhere ("/БТА/" of a digest's second story)."""
    if len(lay.paragraphs) > 1:
        s, e = lay.paragraphs[-1]
        # only the paragraph's tail can hold it: a search from every position of a long paragraph
        # costs more than the rest of the frame
        m = TRAILING.search(text, max(s, e - TRAILING_REACH), e)
        if m and m.group("credit"):
            yield _strip_relay(m.group("credit"), rules)
        elif m and _known(m.group("paren"), media):
            yield m.group("paren")  # "(БТА)"; "(СТО)" closing a sentence is an abbreviation
    for s, e in reversed(lay.paragraphs):
        if text.find("/", s, e) < 0:
            continue  # (most paragraphs have no slash: no regex scan of their text)
        for m in SLASHED.finditer(text, s, e):
            raw = m.group(1).strip(" .")
            if DOMAIN_RE.match(raw.split()[0]) or bulgarian_wire(_known(raw, media) or "", rules):
                yield raw


def _credit_lines(text: str, lay: Layout, rules: RuleSet, media: Media) -> Iterator[str]:
    """"Източник: БТА", "От: Агенция Монитор", "Превод и редакция: БЛИЦ", on a line of their own
    or closing one of the last paragraphs."""
    tail = [*lay.paragraphs[-2:], *_footer(text, lay)]
    # "... Източник Дир.бг": a line, or a paragraph's last words, the marker's colon lost (a marker
    # of one word: "Източник", "Автор"; one of several words keeps its colon to be read)
    for s, e in tail:
        words = text[s:e].split()
        for m in rules.credit_line_markers:
            if m.endswith(":") and m[:-1] in words[-4:-1]:
                at = len(words) - 1 - words[::-1].index(m[:-1])
                if at == 0 or words[at - 1][-1:] in ".!?":
                    yield " ".join(words[at + 1:])
    # (found in place: a slice per marker copied the paragraph dozens of times)
    inline = [(at, e) for s, e in tail for m in rules.credit_line_markers if (at := text.find(m, s, e)) > s]
    for s, e in [*lay.credit_lines, *inline, *_footer(text, lay)]:
        line = text[s:e]
        marker = next((m for m in rules.credit_line_markers if line.startswith(m)), None)
        if marker is None:
            continue
        value = line[len(marker):]
        for stop in rules.inline_end_markers:
            value = value.split(stop)[0]
        yield regex.split(r"[,;]", value)[0]


def _footers(text: str, lay: Layout, rules: RuleSet, media: Media) -> Iterator[str]:
    """"... без предварителното съгласие на Информационна агенция „Фокус“!": an agency's
    copyright footer names it; only a known outlet is taken from there."""
    for s, e in [*lay.paragraphs[-2:], *_footer(text, lay)]:
        low = text[s:e].lower()
        for phrase in rules.footer_credit_phrases:
            at = low.find(phrase)
            if at >= 0:
                toks = tokenize(text, s + at + len(phrase), e)
                toks = [t for t in toks if t.is_word or t.text in rules.marks or t.text == "."]
                found = media.medium_at(toks, 0, len(toks))
                if found and rules.agency(found[0]) is not None:
                    yield found[0]


def _top_line(text: str, lay: Layout, rules: RuleSet, media: Media) -> Iterator[str]:
    """An outlet's name alone on a line above the body ("Webcafe" under the date), or after the
    time on an aggregator's title line, or a site's domain opening the first paragraph."""
    for s, e in lay.headlines:
        if rules.agency(text[s:e]) is not None or DOMAIN_RE.match(text[s:e]):
            yield text[s:e]
        elif stamped := STAMPED_TITLE.search(text, s, e):
            yield stamped.group("credit")  # "Кметове на ... се среща... 02:32 БНР"
    body = [p for p in lay.paragraphs if p not in lay.headlines]
    if body:
        s, e = body[0]
        first = text[s:e].split(maxsplit=1)[0] if text[s:e].strip() else ""
        if DOMAIN_RE.match(first):
            yield first


EVIDENCE: tuple[Evidence, ...] = (_datelines, _trailing, _credit_lines, _footers, _top_line)


def _footer(text: str, lay: Layout) -> list[tuple[int, int]]:
    """The last lines past the article's end: share bars, copyright and credit lines."""
    if lay.end >= len(text):
        return []
    return [(s + lay.end, e + lay.end) for s, e in lines(text[lay.end:])][-TAIL_LINES:]


def _strip_relay(raw: str, rules: RuleSet) -> str:
    """"АФП. Днес+" -> "АФП": the aggregator that passed the credit on is not the credit."""
    raw = raw.strip()
    for relay in rules.relay_marks:
        if raw.endswith(relay) and len(raw) > len(relay):
            raw = raw[: -len(relay)]
    return raw.strip(" .")


def _known(raw: str, media: Media) -> str | None:
    toks = tokenize(raw)
    found = media.agency_at(toks, 0, len(toks))
    return found[0] if found and found[1] == len(toks) else None


def _outlet(raw: str, rules: RuleSet, media: Media) -> str | None:
    """The outlet a credit's words name: a known agency or medium by its canonical name, a
    domain, or an unknown name of an outlet's shape; None for a place, a person or a phrase."""
    value = raw.translate({ord(c): None for c in rules.marks | {"'"}}).strip(" .;,:-–")
    if not value:
        return None
    first = value.split()[0]
    known = _known(value, media) or next((a.name for n in (2, 1) if (a := rules.agency(" ".join(value.split()[:n])))), None)
    if DOMAIN_RE.match(first):
        # a site credits itself by its domain: keep it ("bnr.bg"), as written by the outlet whose
        # name is its domain ("News.bg")
        return known if known is not None and known.lower() == first.lower() else first.lower()
    if known:
        return known  # in a credit line an outlet's bare name is its name ("Автор: Труд онлайн")
    toks = tokenize(value)
    found = media.medium_at(toks, 0, len(toks))
    if found and found[1] == len(toks) and found[0] != value.split()[0].lower():
        return found[0]  # "Агенция Монитор"
    words = value.split()
    if len(words) > 3 or not value[0].isupper() and not value.isascii():
        return None
    if value.lower() in rules.places or any(w.lower() in rules.places for w in words):
        return None  # "Източник: Лондон"
    if len(words) >= 2 and all(w[:1].isupper() and w[1:].islower() for w in words) and not value.isascii():
        return None  # "Превод и редакция: Юлиян Марков": a person, not an outlet
    return value


def bulgarian_wire(name: str, rules: RuleSet) -> bool:
    agency = rules.agency(name)
    return agency is not None and agency.country == "BG" and agency.kind == "agency"
