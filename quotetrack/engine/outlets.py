"""On whose authority a statement is: the media a reporting clause names ("пред „Ханделсблат“",
"в интервю за БНТ", ", предаде АФП", "цитиран от Ройтерс и БТА", "беше цитиран от ТАСС").
Functions of a Doc: they read the article and find nothing."""
from __future__ import annotations

from .cues import Cue
from .doc import Doc, Sent
from .phrases import read_np, shaped
from .text import quoted_at


def skip_outlets(doc: Doc, k: int, hi: int) -> tuple[int, str | None]:
    """Skip adverbs and "пред X" / "по X" / "в интервю за X" after a verb; return the medium."""
    toks, rules = doc.tokens, doc.rules
    source = None
    while k < hi:
        if toks[k].low in rules.adverbs and not outlet_at(doc, k, hi):
            k += 1
            continue
        found = outlet_at(doc, k, hi)
        if found is None and k + 1 < hi and toks[k].text == ",":
            found = credit_at(doc, k + 1, hi)  # "пред Би Би Си, цитиран от Ройтерс, че"
        if found is None:
            break
        k, medium = found
        source = source or medium
        while k < hi and (toks[k].text == "," or toks[k].low in doc.rules.conjunctions):
            nxt = doc.media.medium_at(toks, k + 1, hi)
            if nxt is None:
                break
            k = nxt[1]
    return k, source


def media_chain(doc: Doc, cue: Cue) -> list[str]:
    """Every medium a cue's clause credits, nearest the speaker first: "каза Ким пред KCNA,
    цитиран от Ройтерс, предаде БГНЕС" -> [ЦТАК, Ройтерс, БГНЕС]."""
    toks, rules = doc.tokens, doc.rules
    sent = doc.sents[doc.sent_of(toks[cue.i].start)]
    hi = sent.tj
    out: list[str] = []
    # a credit fronted with its outlet: "В интервю за „Билд“, цитирано от БТА, X заяви"; the commas
    # found with str.find, as this runs for every statement
    comma = doc.text.find(",", sent.start, toks[cue.i].start)
    while comma >= 0:
        found = credit_at(doc, doc.tok_index(comma) + 1, cue.i)
        if found is not None and found[1] not in out:
            out.append(found[1])
        comma = doc.text.find(",", comma + 1, toks[cue.i].start)
    k = cue.j
    while k < min(hi, cue.j + 60):
        t = toks[k]
        if t.low in rules.that or t.text == ":" or t.text in rules.openers:
            break  # the reported words start: credits after them belong to other clauses
        found = outlet_at(doc, k, hi)
        if found is None and t.text == "," and k + 1 < hi:
            found = credit_at(doc, k + 1, hi)
            verb = rules.verbs.get(toks[k + 1].low)
            if found is None and verb is not None and verb.frame == "speech":
                named = doc.media.medium_at(toks, k + 2, hi)  # ", предаде БГНЕС"
                found = (named[1], named[0]) if named else None
        if found is None:
            k += 1
            continue
        k, medium = found
        if medium not in out:
            out.append(medium)
    return out


def credit_at(doc: Doc, k: int, hi: int) -> tuple[int, str] | None:
    """"цитиран от Ройтерс" at tokens[k]: (index after it, medium)."""
    return _medium_after(doc, k, hi, doc.rules.by_first["credit"])


def outlet_at(doc: Doc, k: int, hi: int) -> tuple[int, str] | None:
    """"пред Би Би Си", "в интервю за БНТ" at tokens[k]: (index after it, medium)."""
    if k >= hi or doc.tokens[k].low not in doc.rules.phrase_starts:
        return None
    return _medium_after(doc, k, hi, doc.rules.by_first["outlet"])


def _medium_after(doc: Doc, k: int, hi: int, by_first: dict[str, tuple[tuple[str, ...], ...]]) -> tuple[int, str] | None:
    toks = doc.tokens
    if k >= hi:
        return None
    second = toks[k + 1].low if k + 1 < hi else None
    for phrase in by_first.get(toks[k].low, ()):
        n = len(phrase)
        if (n == 1 or phrase[1] == second) and doc.phrase_at(k, phrase, hi):  # the second word first: most differ
            medium = doc.media.medium_at(toks, k + n, hi)
            if medium is not None:
                return medium[1], medium[0]
            close = quoted_at(toks, k + n, hi, doc.rules.openers, doc.rules.closers)
            if close is not None and toks[k + n + 1].is_upper and (n > 1 or toks[k].low == doc.rules.audience_preposition):
                # "пред „Хоризонт“", "в интервю за „Труд“": a quoted name there is an outlet the
                # rules need not list (not after a bare "за", which also opens a topic); a show
                # on a medium named next is the medium's ("пред „Добро утро“ по БНТ")
                return _medium_after(doc, close + 1, hi, by_first) or (close + 1, doc.text[toks[k + n + 1].start : toks[close - 1].end])
    return None


def skip_show_name(doc: Doc, k: int, hi: int) -> int:
    """"заяви „Здравей, България“ по NOVA Х": a programme's name before the medium."""
    toks = doc.tokens
    close = quoted_at(toks, k, hi, doc.rules.openers, doc.rules.closers)
    if close is not None and outlet_at(doc, close + 1, hi) is not None:
        return skip_outlets(doc, close + 1, hi)[0]
    return k


def source_near(doc: Doc, cue: Cue, lo: int, hi: int, credits: list[str]) -> str | None:
    """A medium named around a cue: "каза пред „Ханделсблат“", "цитиран от БГНЕС", ", предаде АФП".
    A medium a credit phrase names is added to `credits` (the body's credits, for the agency)."""
    toks = doc.tokens
    _, medium = skip_outlets(doc, cue.j, hi)
    if medium:
        return medium
    starts = doc.rules.phrase_starts
    for k in range(cue.j, min(hi, cue.j + 40)):  # "заяви Петрова пред Би Ти Ви": after the speaker
        if doc.in_span(toks[k].start):
            continue  # a show's name in marks ("заяви „Здравей, България“ по NOVA")
        found = outlet_at(doc, k, hi) if toks[k].low in starts else None
        if found is not None:
            return found[1]
        if toks[k].text == ";" or (toks[k].text == "," and k > cue.j + 1):  # a dot here is an abbreviation's
            break
    for k in range(max(lo, cue.i - 40), min(hi, cue.j + 40)):
        if toks[k].low not in starts:
            continue
        second = toks[k + 1].low if k + 1 < hi else None
        for phrase in doc.rules.by_first["media"].get(toks[k].low, ()):
            n = len(phrase)
            if (n == 1 or phrase[1] == second) and doc.phrase_at(k, phrase, hi):
                if phrase in doc.rules.credit_phrases:
                    m = read_np(doc, k + n, hi)
                    chain, _ = media_run(doc, k + n, hi)
                    if chain:
                        credits.extend(chain)  # "цитиран от Ройтерс и БТА": both carried it
                        return chain[0]
                    head = m.text.split()[-1].lower() if m is not None and m.text else ""
                    if m is not None and shaped(doc, m) is not None and (
                            m.kind != "other" or head in doc.rules.documents or head in doc.rules.bodies):
                        return m.text  # "позовавайки се на Министерството", not "на информация от ..."
                elif k < cue.i:
                    named = doc.media.medium_at(toks, k + n, hi)
                    if named:
                        return named[0]
    return None


def credit_tail(doc: Doc, lo: int, hi: int) -> tuple[int, tuple[str, ...]] | None:
    """", предаде АФП" / ", цитиран от Ройтерс и БТА" / ", пише в. „Таймс“, цитиран от БТА"
    closing a clause: (token index of the comma, every medium credited, nearest the words first)."""
    toks = doc.tokens
    for k in range(lo, min(hi, lo + 200)):
        if toks[k].text != ",":
            continue
        j = k + 1
        for phrase in doc.rules.by_first["credit"].get(toks[j].low, ()) if j < hi else ():
            if doc.phrase_at(j, phrase, hi):
                chain, _ = media_run(doc, j + len(phrase), hi)
                if chain:
                    return k, chain
        verb = doc.rules.verbs.get(toks[j].low) if j < hi else None
        if verb and verb.frame == "speech":
            chain, end = media_run(doc, j + 1, hi)
            if not chain:
                chain, end = latin_name(doc, j + 1, hi)
            while chain and end + 1 < hi and toks[end].text == ",":
                cited = _medium_after(doc, end + 1, hi, doc.rules.by_first["citing"])
                if cited is not None:  # ", отбелязва АП, цитирайки „Сънди таймс“": the one cited had it first
                    end, chain = cited[0], (cited[1], *chain)
                    continue
                relay = credit_at(doc, end + 1, hi)  # ", предава Ройтерс, цитирана от Фокус"
                if relay is None:
                    break
                end, chain = relay[0], (*chain, relay[1])
            if chain and end >= hi - 1:
                return k, chain
    return None


def latin_name(doc: Doc, k: int, hi: int) -> tuple[tuple[str, ...], int]:
    """", пише London Evening Standard.": a name in Latin letters closing a credit is an outlet's
    (Bulgarian news writes people's names in Cyrillic)."""
    toks, j = doc.tokens, k
    while j < hi and toks[j].is_word and toks[j].is_upper and toks[j].text.isascii() and toks[j].text.isalpha():
        j += 1
    if j == k:
        return (), k
    return (doc.text[toks[k].start : toks[j - 1].end],), j


def media_run(doc: Doc, k: int, hi: int) -> tuple[tuple[str, ...], int]:
    """Media named one after another from tokens[k]: "Ройтерс и БТА", "в. „Таймс“, цитиран от
    БТА". Returns them in order and the index after the last."""
    toks, out = doc.tokens, []
    while k < hi:
        found = doc.media.medium_at(toks, k, hi)
        if found is None:
            break
        if found[0] not in out:
            out.append(found[0])
        k = j = found[1]
        if j < hi and (toks[j].text == "," or toks[j].low in doc.rules.conjunctions):
            j += 1
        phrase = next((p for p in doc.rules.by_first["credit"].get(toks[j].low, ()) if doc.phrase_at(j, p, hi)), ()) if j < hi else ()
        j += len(phrase)
        if j == k or j >= hi or doc.media.medium_at(toks, j, hi) is None:
            break
        k = j
    return tuple(out), k


def passive_source(doc: Doc, s: Sent, cue: Cue) -> str | None:
    toks = doc.tokens
    for k in range(s.ti, cue.i):
        for phrase in doc.rules.by_first["passive"].get(toks[k].low, ()):
            if doc.phrase_at(k, phrase, cue.i):
                medium = doc.media.medium_at(toks, k + len(phrase), cue.i)
                if medium:
                    return medium[0]
    return None
