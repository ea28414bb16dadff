"""Reading article text: normalising it, finding its parts, and cutting it into paragraphs,
sentences and tokens, always as offsets into the one normalised string that gets stored."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..rules import RuleSet

# A word keeps inner hyphens and apostrophes (министър-председател, О'Лиъри) and combining
# accents (по̀), but not one it ends on ("анти- и про-", ‘Петров’: the word, then the mark);
# a number keeps its decimal separators. Every other non-space character is a
# token of its own. Tokenising is the one step that touches every character, so the pattern
# is written for speed: the standard library's `re` runs it about 1.7x faster than `regex`,
# and letters are taken in runs, not tried against two classes a character at a time (30%
# faster, the same tokens). Every input matches one way only: a run of joiners is taken only
# when a letter or an accent follows it (a lookahead, not a lookbehind that would backtrack
# through "дума-----..." in exponential time).
COMBINING = "\u0300-\u036f\u0483-\u0489\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
TOKEN_RE = re.compile(rf"[^\W\d_][^\W_]*(?:(?:[{COMBINING}]|['’-]+(?=[^\W_]|[{COMBINING}]))[^\W_]*)*"
                      r"|\d+(?:[.,]\d+)*|[^\s\w]|_")
DATE_NUMERIC_RE = regex.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
SENT_END = ".!?…"
DASHES = "-–—"
MAX_SENTENCE = 2000  # characters: longer runs without a full stop are not prose
WORD_AT = regex.compile(r"\p{L}+")


@dataclass(slots=True)
class Token:
    """A word, a number or one punctuation mark. Slotted: the engine reads a token's fields
    hundreds of thousands of times an article, and Python reads a slot faster than a named
    tuple's field (4.8% fewer instructions). `tokenize` makes them without __init__."""

    start: int
    end: int
    text: str
    low: str
    is_word: bool
    is_upper: bool


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the parts of an article are: headline lines, body paragraphs, and where it ends."""

    title: str | None
    date: str | None
    headlines: tuple[tuple[int, int], ...]  # title and subtitle lines
    paragraphs: tuple[tuple[int, int], ...]  # every live line, headlines included, in order
    end: int  # offset where the article's own text ends (related headlines, footers after)
    credit_lines: tuple[tuple[int, int], ...]  # "Източник: ..." lines and the like


def normalize(raw: str) -> str:
    """One form for every input: no BOM, LF line ends, NFC, no non-breaking or zero-width spaces."""
    text = raw.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):  # the check is a fraction of the cost
        text = unicodedata.normalize("NFC", text)
    if ODD_SPACE.search(text):  # str.translate with a dict looks up every character in Python
        text = text.translate(ODD_SPACES)
    return text


ODD_SPACES = {0xA0: " ", 0x202F: " ", 0x2007: " ", 0x200B: None, 0xFEFF: None}
ODD_SPACE = re.compile("[" + "".join(map(chr, ODD_SPACES)) + "]")


# "СОФИЯ /БТА/ ", "Варна, 3 май /БГНЕС/ ", "ВАРШАВА (БГНЕС) ": where a wire's paragraph starts
DATELINE_AT = regex.compile(
    r"\s*(?:\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,2})?\s*,?\s*(?:\d{1,2}\s+\p{L}+\.?\s*)?/\s*(?P<credit>[\p{L}\d][^/\n]{0,40}?)/\s*"
    r"|\s*\p{Lu}[\p{Lu}-]+(?:\s+\p{Lu}[\p{Lu}-]+){0,2}\s*,?\s*(?:\d{1,2}\s+\p{L}+\.?\s*)?\(\s*(?P<paren>[\p{Lu}\d][\p{Lu}\d .-]{1,20})\)\s*")


def dateline_at(text: str, start: int, end: int) -> regex.Match[str] | None:
    """The wire dateline opening text[start:end], if any. It has a slash or a bracket near the
    start: the regex is asked only then (most paragraphs have neither)."""
    near = min(end, start + 90)
    if text.find("/", start, near) < 0 and text.find("(", start, near) < 0:
        return None
    return DATELINE_AT.match(text, start, end)


# "София. Крайният срок ...": a place and a full stop opening a paragraph, a capital after them
PLACE_DOT_AT = regex.compile(r"(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2})\. +(?=\p{Lu})")


# ". 21.02.2018 18.10 Британското ...", "27.01.2018 Свят Брекзит ...": a site's date stamp (and its
# section's name) opening the body
STAMP_AT = regex.compile(r"[. ]*\d{1,2}\.\d{1,2}\.\d{4}(?: +\d{1,2}[.:]\d{2})? +(?:(\p{Lu}\p{Ll}+) +(?=\p{Lu}))?(?=\p{Lu})")


def dateline_end(text: str, start: int, end: int, rules: RuleSet) -> int:
    """Where a paragraph's words start, after a wire dateline if it opens with one, a place and
    a full stop ("София. ..."), or a site's date stamp (and its section's name)."""
    m = dateline_at(text, start, end)
    if m and m.end() < end:
        return m.end()
    # (each asked only where it may be: a full stop within a place's length, a digit at the start)
    dot = text.find(". ", start, min(end, start + 30))
    m = PLACE_DOT_AT.match(text, start, end) if dot > start and text[start:dot].lower() in rules.places else None
    if m and m.end() < end:
        after = text[m.end() : m.end() + 20].split(maxsplit=1)
        if not (after and (after[0].lower(),) in rules.anaphora):
            return m.end()  # (but "Украйна. Така отговори X на въпроса ...": the place is what he said)
    m = STAMP_AT.match(text, start, end) if text[start : start + 3].lstrip(". ")[:1].isdigit() else None
    if m and m.end() < end:
        # the section's name too when it is one ("27.01.2018 Свят"), else the date alone ("27.01.2018 Иван Петров ...")
        return m.end() if m.group(1) is None or m.group(1) in rules.section_labels else m.start(1)
    return start


def same_stem(a: str, b: str) -> bool:
    """Two forms of one noun: all but the last letter of the shorter agree, four letters at
    least ("портала" / "портал", "компанията" / "компания")."""
    n = min(len(a), len(b)) - 1
    return n >= 4 and a[:n] == b[:n]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def tokenize(text: str, start: int = 0, end: int | None = None, starts: list[int] | None = None,
             asked: frozenset[str] = frozenset(), index: dict[str, list[int]] | None = None) -> list[Token]:
    """The tokens of text[start:end]. `starts`, if given, receives each token's start offset, and
    `index` the token indexes of each word of `asked` (lower case): the same loop, not a second
    pass over the tokens."""
    out: list[Token] = []
    append, new = out.append, object.__new__
    at = (starts if starts is not None else []).append
    where = index if index is not None else {}
    for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        t = m.group()
        c = t[0]
        a, b = m.span()  # one call, not two: this loop runs for every token of every article
        low = t.lower()
        if low in asked:
            where.setdefault(low, []).append(len(out))
        # six slot stores, not a call of __init__ per token: this loop makes every token of every article
        tok = new(Token)
        tok.start, tok.end, tok.text, tok.low, tok.is_word, tok.is_upper = a, b, t, low, c.isalnum(), c.isupper()
        append(tok)
        at(a)
    return out


def quoted_at(tokens: Sequence[Token], k: int, hi: int, openers: frozenset[str], closers: frozenset[str]) -> int | None:
    """The index of the mark closing a short, non-empty quoted name that opens at tokens[k]."""
    if k >= hi or tokens[k].text not in openers:
        return None
    close = next((c for c in range(k + 1, min(hi, k + 8)) if tokens[c].text in closers), None)
    return close if close is not None and close > k + 1 else None


def lines(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end), surrounding spaces trimmed."""
    out, pos = [], 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _date_of(line: str, rules: RuleSet) -> str | None:
    months = rules.months
    m = DATE_NUMERIC_RE.search(line)
    if m:
        d, mo, y = map(int, m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None
    m = regex.match(r"\s*(\d{1,2})\s+(\p{L}+),?\s+(\d{4})\s*(\S*)\s*$", line)
    if m and m.group(2).lower() in months and (not m.group(4) or m.group(4).lower() in rules.year_suffixes):
        return f"{int(m.group(3)):04d}-{months.index(m.group(2).lower()) + 1:02d}-{int(m.group(1)):02d}"
    return None


def _is_headline(line: str, first: bool, closers: frozenset[str]) -> bool:
    """The title, or a subtitle: a short line that does not end like a sentence."""
    words = line.split()
    end = line.rstrip("".join(closers) + " ")
    return len(words) <= 30 and (first or (end[-1:] not in tuple(SENT_END) and end == line))


def layout(text: str, rules: RuleSet) -> Layout:
    all_lines = lines(text)
    end = len(text)
    for i, (s, e) in enumerate(all_lines):
        line = text[s:e]
        if i > 0 and line.startswith(rules.end_markers):
            end = s
            break
        for marker in rules.inline_end_markers:
            pos = line.find(marker)
            if pos > 0:
                end = s + pos
                break
        if end != len(text):
            break
    live = [(s, min(e, end)) for s, e in all_lines if s < end and min(e, end) > s]

    date = None
    title = None
    headlines: list[tuple[int, int]] = []
    paragraphs: list[tuple[int, int]] = []
    credits: list[tuple[int, int]] = []
    in_head = True
    for s, e in live:
        line = text[s:e]
        if date is None and in_head and len(line) < 40 and _date_of(line, rules):
            date = _date_of(line, rules)
            continue
        if line.startswith(rules.credit_line_markers):
            credits.append((s, e))
            continue
        if title is not None and line == title:
            continue  # some sites print the title twice
        if in_head and _is_headline(line, not headlines, rules.closers) and len(headlines) < 3:
            if title is None:
                title = line
            headlines.append((s, e))
        else:
            in_head = False
        paragraphs.append((s, e))
    return Layout(title, date, tuple(headlines), tuple(paragraphs), end, tuple(credits))


def sentences(text: str, start: int, end: int, rules: RuleSet) -> list[tuple[int, int]]:
    """Split text[start:end] into sentences. A dot after an abbreviation or an initial does not
    end one; a missing space after a full stop ("думи.Тогава") does not hide the end."""
    out: list[tuple[int, int]] = []
    s = start
    n = end
    closers = rules.closers
    pos = start  # where the scan stands: candidates before it were passed over
    for cand in rules.sentence_re.finditer(text, start, end):
        i = cand.start()
        if i < pos:
            continue
        if text[i] in SENT_END:
            j = i + 1
            while j < n and (text[j] in SENT_END or text[j] == ")" or (
                    text[j] in closers and not (j + 1 < n and text[j + 1].isalnum()))):
                j += 1
            k = j
            while k < n and text[k] == " ":
                k += 1
            if k >= n:
                break
            nxt = text[k]
            starts_new = nxt.isupper() or nxt.isdigit() or nxt in rules.openers or nxt in "-–—" or (
                k > j and nxt.islower() and _lost_capital(text, k, n, rules))
            # (after "г." an opening mark starts a sentence only if a sentence is quoted: "през 2016 г.
            # „Рано или късно ...“", not "През 2016 г. „Газпром“ увеличи ...")
            peek = text[k : k + 2] if nxt not in rules.openers or not _quoted_name_at(text, k, n, rules) else nxt
            if starts_new and (k > j or nxt.isupper() or nxt in rules.openers) and not _abbreviation_before(text, s, i, peek, rules):
                out.append((s, j))
                s = pos = k
                continue
            pos = j
        elif i > s and text[i - 1].islower():  # " Той": a capitalised pronoun after a lower-case word starts a sentence
            m = WORD_AT.match(text, i + 1)
            if m and m.group() in rules.sentence_openers:
                out.append((s, i))
                s = i + 1
            pos = i + 1
    if s < n:
        e = n
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return [piece for span in out for piece in _bounded(text, *span)]


def _quoted_name_at(text: str, k: int, n: int, rules: RuleSet) -> bool:
    """Whether the opening mark at text[k] quotes a name of a few words ("„Газпром“"), not a sentence."""
    close = next((c for c in range(k + 1, min(n, k + 60)) if text[c] in rules.closers), None)
    inner = text[k + 1 : close] if close is not None else ""
    return bool(inner) and len(inner.split()) <= 3 and inner[-1:] not in SENT_END


def _lost_capital(text: str, k: int, n: int, rules: RuleSet) -> bool:
    """". това заяви X": a sentence opener and a reporting verb after a full stop, written in lower
    case: a new sentence all the same."""
    m = WORD_AT.match(text, k, n)
    if m is None or m.group().capitalize() not in rules.sentence_openers:
        return False
    verb = WORD_AT.match(text, m.end() + 1, n)
    return verb is not None and text[m.end()] == " " and verb.group().lower() in rules.verbs


def _bounded(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A "sentence" with no full stop for pages on end is cut at a space every MAX_SENTENCE
    characters, so that no later step works on unbounded spans."""
    out = []
    while e - s > MAX_SENTENCE:
        cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
        cut = cut if cut > s else s + MAX_SENTENCE
        out.append((s, cut))
        s = cut + 1
    out.append((s, e))
    return out


def _abbreviation_before(text: str, lo: int, dot: int, nxt: str, rules: RuleSet) -> bool:
    """Whether the dot at `dot` ends an abbreviation, not the sentence; `nxt`: the next two
    characters after the spaces."""
    if text[dot] != ".":
        return False
    k = dot
    while k > lo and not text[k - 1].isspace() and text[k - 1] != "(" and text[k - 1] not in rules.openers:
        k -= 1
    word = text[k : dot + 1].lower()
    if len(word) == 2 and word[0].isalpha() and text[k].isupper():
        return True  # an initial: "В. Путин"
    if word in rules.abbreviations:
        # an acronym in capitals is a name ("..., припомня АП. Партията"), not "ап." of an address
        # (after an opening mark its first letter tells, "през 2016 г. „Рано ...", but not for the
        # newspaper's "в. „Гардиън“")
        capital = nxt[:1].isupper() or (nxt[:1] in rules.openers and nxt[1:].isupper() and word[:-1] not in rules.media_stems)
        return not (word in rules.may_end and capital) and not (len(word) > 2 and text[k:dot].isupper())
    # "т.е." and other dotted runs whose last piece is listed
    tail = word.rsplit(".", 2)
    return len(tail) > 2 and (tail[-2] + ".") in rules.abbreviations and word not in rules.may_end
