"""The article's own credit: a dateline ("/БТА/", "(БГНЕС)"), a trailing credit, an
"Източник:" line, a byline, then the Bulgarian wire credited in the body."""
from __future__ import annotations

import regex

from ..rules import RuleSet
from .media import Media
from .text import DATELINE_AT, Layout, tokenize

DATELINE_RE = regex.compile(r"(?:^|[\s.])/\s*([\p{L}\d][\p{L}\d. -]{1,40}?)\s*(?:/|$|\s)|\(\s*([\p{Lu}\d][\p{Lu}\d .-]{1,20}?)\s*\)\s*$")
DOMAIN_RE = regex.compile(r"^[\p{L}\d-]+\.(?:bg|com|net|eu|org)$", regex.IGNORECASE)


def article_agency(text: str, lay: Layout, body_credits: list[str], rules: RuleSet) -> str | None:
    """The article's own credit, strongest evidence first: a dateline, an "Източник:" line,
    a byline, then the first Bulgarian wire credited in the body."""
    src = Media(rules)
    for s, e in lay.paragraphs:  # "ВАРШАВА (БГНЕС) ...": a dateline opening a paragraph
        m = DATELINE_AT.match(text, s, e)
        if m:
            toks = tokenize((m.group("credit") or m.group("paren") or "").strip())
            found = src.agency_at(toks, 0, len(toks))
            if found and found[2] == "BG":
                return found[0]
    for s, e in reversed(lay.paragraphs):
        for m in DATELINE_RE.finditer(text[s:e]):
            raw = (m.group(1) or m.group(2) or "").strip()
            toks = tokenize(raw)
            first = raw.split()[0] if raw else ""
            if DOMAIN_RE.match(first):
                return first.lower()  # a site credits itself by its domain: keep it
            found = src.agency_at(toks, 0, len(toks))
            if found and found[2] == "BG":
                return found[0]
    inline = [(s + text[s:e].find(m), e) for s, e in lay.paragraphs[-2:] for m in rules.credit_line_markers if text[s:e].find(m) > 0]
    for s, e in [*lay.credit_lines, *inline]:
        line = text[s:e]
        marker = next(m for m in rules.credit_line_markers if line.startswith(m))
        value = line[len(marker):]
        for stop in rules.inline_end_markers:
            value = value.split(stop)[0]
        value = value.translate({ord(c): None for c in rules.marks | {"'"}}).strip(" .;,")
        if value:
            toks = tokenize(value)
            found = src.agency_at(toks, 0, len(toks))
            return found[0] if found and found[1] == len(toks) else value
    body = [p for p in lay.paragraphs if p not in lay.headlines]
    if body:
        s, e = body[0]
        first = text[s:e].split(maxsplit=1)[0] if text[s:e].strip() else ""
        if DOMAIN_RE.match(first):
            return first.lower()
    for name in body_credits:
        if src.country(name) == "BG":
            return name
    return None
