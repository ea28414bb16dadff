"""How firmly a stored statement is credited, and whether two statements stand in the same copy:
the evidence the audit weighs before it calls two articles' credits a conflict.

Read from the record (its speaker, the phrase that named them) and the article's text around
it, so a store made by any earlier version gets the same answer, and nothing new is stored.
"""
from __future__ import annotations

from typing import Any

import regex

from . import similar
from .rules import RuleSet

# how a statement's speaker was named, strongest first
NAME = "name"  # the reporting clause names them: "каза министърът Иван Петров"
MEDIUM = "medium"  # a medium credited as the speaker: "съобщи БТА"
ROLE = "role"  # a role or description, resolved or kept: "каза министърът"
PRONOUN = "pronoun"  # "каза той": whoever the extractor took it to mean
INHERITED = "inherited"  # no clause of its own: the speaker of the statement before it
NONE = "none"  # credited to no one

STRENGTH = {NAME: 1.0, MEDIUM: 0.9, ROLE: 0.7, INHERITED: 0.55, PRONOUN: 0.5, NONE: 0.0}
CONTEXT = 240  # characters each side of a statement that tell one copy from another
SAME_COPY = 85.0  # context similarity (0-100) at which two statements stand in the same text

# A hyphen or a space lost in layout ("по- гладка", "по -гладка"), and Latin letters that look
# Cyrillic inside a Cyrillic word (rules/translit.toml [look_alike]): no change of words.
_HYPHEN = regex.compile(r"(?<=\p{L})(?:- +| +-)(?=\p{L})")
_MIXED = regex.compile(r"\p{L}*(?:\p{Cyrillic}\p{Latin}|\p{Latin}\p{Cyrillic})\p{L}*")


def normal(text: str, rules: RuleSet) -> str:
    """The text with layout artefacts undone: hyphens rejoined, look-alike letters in Cyrillic
    words made Cyrillic."""
    text = _HYPHEN.sub("-", text)
    table = str.maketrans(rules.look_alike)
    return _MIXED.sub(lambda m: m.group().translate(table), text)


def how(r: dict[str, Any], rules: RuleSet, *, medium: bool = False) -> str:
    """How the record's speaker was named (NAME ... NONE). `medium`: the speaker is a medium."""
    speaker = r.get("speaker")
    if not speaker:
        return NONE
    if medium:
        return MEDIUM
    mention = (r.get("speaker_mention") or "").strip()
    if not mention:
        return INHERITED
    if mention.lower() in rules.pronouns:
        return PRONOUN
    said = mention.casefold()
    named = [w for w in speaker.replace("-", " ").split() if w[:1].isupper() and len(w) > 1]
    return NAME if named and any(w.casefold() in said for w in named) else ROLE


def unresolved_pronoun(r: dict[str, Any], rules: RuleSet) -> bool:
    """"каза тя" with no one the extractor could take "тя" to mean."""
    return not r.get("speaker") and (r.get("speaker_mention") or "").strip().lower() in rules.pronouns


def around(text: str, start: int, end: int, rules: RuleSet) -> list[str]:
    """The words right before and after a statement: its copy's text, not its own words."""
    return similar.words(normal(text[max(0, start - CONTEXT) : start] + " \n " + text[end : end + CONTEXT], rules))


def copy_likeness(a_text: str, a: dict[str, Any], b_text: str, b: dict[str, Any], rules: RuleSet) -> float:
    """0-100: how alike the text around two statements is (100: the same wire copy)."""
    wa, wb = around(a_text, a["start"], a["end"], rules), around(b_text, b["start"], b["end"], rules)
    return similar.similarity(wa, wb) if wa and wb else 0.0


def severity(confidence: float, most: str = "high") -> str:
    """A finding's severity: what it would be if true (`most`), no higher than its confidence allows."""
    allowed = "high" if confidence >= 0.8 else "medium" if confidence >= 0.55 else "low"
    order = ("low", "medium", "high")
    return order[min(order.index(allowed), order.index(most))]


_SENTENCE_END = regex.compile(r"[.!?…]+(?=\s)|\n+")  # a blank line ends one sentence, not two


def credited_nearby(text: str, start: int, end: int, rules: RuleSet) -> str | None:
    """What credits a quote the extractor left unattributed, if anything near it does: a colon
    right before it ("X е гневен:"), or a reporting word (a verb form, "според", a stance
    adjective) in its sentence or the one before or after, outside the quote. Returns the word."""
    before = text[max(0, start - 8) : start].rstrip("".join(rules.openers) + " \n\t")
    if before.endswith(":"):  # "X е гневен:" closing the line before
        return ":"
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 1500), start - 1)]
    lo = ends[-2] if len(ends) >= 2 else max(0, start - 1500)
    after = [m.end() for m in _SENTENCE_END.finditer(text, end + 1, min(len(text), end + 1500))]
    hi = after[1] if len(after) >= 2 else min(len(text), end + 1500)
    for w in similar.words(text[lo:start] + " \n " + text[end:hi], keep=False):
        if w in rules.cue_words:
            return w
    return None


def marked(text: str, start: int, end: int, rules: RuleSet) -> bool:
    """Whether a quote's span opens and closes with quote marks (not a run to a stray mark)."""
    opened = any(c in rules.openers for c in text[max(0, start - 2) : start])
    closed = any(c in rules.closers for c in text[end : end + 2])
    return opened and closed
