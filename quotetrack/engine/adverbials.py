"""Adverbials: what may stand between a speaker and the verb, or between the verb and a speaker
after it, and is never who ("за пореден път", "миналата седмица", "в София", "възмутено")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .words import agrees, is_name_token

if TYPE_CHECKING:
    from ..rules import RuleSet
    from .doc import Doc
    from .text import Token


def adverbial_end(doc: Doc, k: int, hi: int) -> int:
    """Where an adverbial that opens at tokens[k] ends, or k: a listed phrase ("за пореден път",
    "от своя страна"), an adverb ("още", "възмутено"), a time ("миналата седмица", "в четвъртък",
    "през 2019 г."), a place ("в София")."""
    toks, rules = doc.tokens, doc.rules
    if k >= hi:
        return k
    t = toks[k]
    if t.low in rules.preps and k + 1 < hi and toks[k + 1].is_upper and not (
            (t.low == rules.source_preposition or t.low in rules.genitive) and _whose(toks, k, rules)):
        # "в София", "в Ню Йорк": where, not who; but "източник | от Брюксел" and "правителството
        # | на Великобритания" are whose
        for n in (2, 1):
            if k + n < hi and " ".join(w.low for w in toks[k + 1 : k + 1 + n]) in rules.places:
                return k + 1 + n
    if t.low not in rules.adverbial_starts and not t.low.endswith(rules.adverb_endings) and not doc.time_near(k):
        return k  # most words: no adverbial opens here
    second = toks[k + 1].low if k + 1 < hi else None
    for phrase in rules.by_first["adverbial"].get(t.low, ()):
        if (len(phrase) == 1 or phrase[1] == second) and doc.phrase_at(k, phrase, hi):
            return k + len(phrase)
    listed = t.low in rules.adverbs or t.low in rules.manner_adverbs  # capitalised only opening a sentence
    if t.is_word and (not t.is_upper or listed) and t.low not in rules.phrase_breaks and t.low not in rules.preps and t.low not in rules.not_speakers and (
            listed or (
            len(t.low) > 5 and t.low.endswith(rules.adverb_endings) and t.low not in rules.verbs and t.low not in rules.role_starts)):
        return k + 1
    j = k + 1 if t.low in rules.preps else k
    for n in range(j, min(hi, j + 3)):
        w = toks[n]
        if w.low in rules.time_nouns:
            return n + 1
        if (not w.is_word or w.low in rules.verbs or w.low in rules.preps or w.low in rules.phrase_breaks
                or (w.is_upper and n > k) or is_name_token(w, rules)):
            break  # only lower-case modifiers: "миналата седмица", "през 2019 г.", not "Тедрос по време"
    return k


def _whose(toks: list[Token], k: int, rules: RuleSet) -> bool:
    """Whether the preposition at toks[k] opens a complement of the noun before it: "източник |
    от Брюксел", "правителството | на Великобритания"."""
    before = toks[k - 1].low if k > 0 else ""
    return (before in rules.role_starts or before.endswith(rules.person_endings)
            or (toks[k].low in rules.genitive and before in rules.bodies))


def skip_adverbials(doc: Doc, k: int, hi: int) -> int:
    """The index after a run of adverbials that opens at tokens[k]."""
    while k < hi:
        j = adverbial_end(doc, k, hi)
        if j == k:
            break
        k = j
    return k


def adverbials_before(doc: Doc, lo: int, k: int) -> int:
    """Where a run of adverbials that ends right before tokens[k] starts (k when none). Between a
    subject and its verb a document is where it was said: "X в скорошно изявление изрази"
    (opening the sentence, or after an impersonal verb, it is who: "се казва в изявлението")."""
    for a in range(max(lo, k - 8), k):
        j = a
        while j < k:
            n = adverbial_end(doc, j, k)
            if n == j and j > lo and doc.tokens[j].low in doc.rules.place_preps and doc.tokens[k].low not in doc.rules.reflexive:
                n = _in_document(doc, j, k)  # (but "В документа | се посочва": the document says it)
            if n == j:
                break
            j = n
        if j == k:
            return a
    return k


def _in_document(doc: Doc, k: int, hi: int) -> int:
    """Where "в скорошно изявление", "в официалното си писмо" that opens at tokens[k] ends, or k
    (not "в доклада на Y", which names its maker)."""
    toks, rules = doc.tokens, doc.rules
    if toks[k].low not in rules.place_preps:
        return k
    n = k + 1
    while n < min(hi, k + 4) and toks[n].is_word and not toks[n].is_upper and toks[n].low not in rules.documents and (
            toks[n].low.endswith(rules.adjective_endings) or toks[n].low in rules.clitics):
        n += 1
    if n == hi or toks[n].low not in rules.documents or (
            n + 1 < hi and (toks[n + 1].low in rules.preps or toks[n + 1].text in rules.openers)):
        return k
    for t in toks[k + 1 : n]:  # "в медиите | писмо" is no one phrase: a definite word agrees with its noun
        if any(t.low.endswith(a) for a, _ in rules.agreement) and not agrees(t.low, toks[n].low, rules):
            return k
    return n + 1
