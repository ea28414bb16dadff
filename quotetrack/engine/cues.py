"""Reporting cues: the words that say someone said something.

A cue is a reporting verb ("заяви", "е заявил", "се казва"), a stance adjective with its copula
("е категоричен", "убеден е"), a crediting preposition ("според", "по думите на"), each found by
looking tokens up in the compiled rules, never by a regex over the whole vocabulary.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..rules import RuleSet
from .text import Token


# (not frozen: see phrases.Mention)
@dataclass(slots=True)
class Cue:
    kind: str  # verb | stance | prep
    i: int  # index of the first token of the cue
    j: int  # index after its last token
    verb: str  # as written
    lemma: str | None
    frame: str  # speech | stance | label | speaker (prep) | source (prep)
    core: int  # index of the token that carries the meaning (the verb or adjective itself)


def _phrase_at(tokens: list[Token], i: int, phrase: tuple[str, ...]) -> bool:
    return i + len(phrase) <= len(tokens) and all(tokens[i + k].low == w for k, w in enumerate(phrase))


def find_cues(tokens: list[Token], lo: int, hi: int, text: str, rules: RuleSet,
              candidates: list[int] | None = None) -> list[Cue]:
    """Cues among tokens[lo:hi] (one sentence), left to right. `candidates`: the indexes in
    [lo, hi) whose word may open a cue, when the caller knows them already."""
    cues: list[Cue] = []
    verbs, cue_words, preps_by_first = rules.verbs, rules.cue_words, rules.preps_by_first
    # most words are no cue: a comprehension finds the few that may be, faster than a loop asks each
    after = lo  # a cue read here spans tokens up to this index
    for i in candidates if candidates is not None else [n for n in range(lo, hi) if tokens[n].low in cue_words]:
        if i < after:
            continue
        tok = tokens[i]
        found = next(((p, c) for p, c in preps_by_first.get(tok.low, ()) if i + len(p) <= hi and _phrase_at(tokens, i, p)), None)
        if found is not None:
            prep, credits = found
            after = i + len(prep)
            cues.append(Cue("prep", i, after, text[tok.start : tokens[after - 1].end], rules.prep_lemmas.get(prep), credits, i))
            continue
        verb = verbs.get(tok.low)
        if verb is not None and i > lo and tokens[i - 1].text == "," and any(
                _phrase_at(tokens, i, p) for p in rules.credit_phrases if p[0] == tok.low):
            continue  # ", цитиран от Ройтерс,": a credit inside the clause, not a statement of its own
        if verb is not None and verb.frame == "stance" and i + 1 < hi and tokens[i + 1].low in rules.subjunctive:
            continue  # "смятат да излъчат": an intention, no view
        if verb is not None and not _negated(tokens, i, lo, rules):
            first = i
            if i - 1 >= lo and tokens[i - 1].low in rules.copulas and tok.low.endswith(rules.participle_endings):
                first = i - 1  # "е заявил": the auxiliary belongs to the verb
            elif i - 1 >= lo and tokens[i - 1].low in rules.reflexive:
                first = i - 1  # "се казва"
            last = i + 1
            if verb.lemma in rules.light_verbs:
                # "изрази увереност, че", "изрази притеснението си, че": the noun says what kind of view
                n = i + 2 + (i + 2 < hi and tokens[i + 2].low in rules.own)
                noun = tokens[i + 1] if i + 1 < hi else None
                if (n + 1 < hi and noun is not None and noun.is_word and not noun.is_upper and tokens[n].text == ","
                        and tokens[n + 1].low in rules.that and noun.low not in rules.preps and noun.low not in rules.adverbs
                        and noun.low not in rules.manner_adverbs and noun.low not in rules.pronouns
                        and noun.low not in rules.time_nouns):  # (not "изрази отново, че", "изрази той, че")
                    last = n
                elif verb.lemma in rules.light_only and not (
                        (noun is not None and noun.low in rules.reflexive) or tokens[i - 1].low in rules.reflexive):
                    continue  # "обърна гръб": no report without its noun and "че", or "се"
            cues.append(Cue("verb", first, last, text[tokens[first].start : tokens[last - 1].end], verb.lemma, verb.frame, i))
            continue
        if tok.low in rules.stance_adjectives:
            cue = _stance(tokens, i, lo, hi, text, rules)
            if cue is not None:
                cues.append(cue)
                after = cue.j
    return cues


def _negated(tokens: list[Token], i: int, lo: int, rules: RuleSet) -> bool:
    """"не каза", "ще заяви", "би обяснил": a verb that reports nothing said."""
    k = i - 1
    while k >= lo and k > i - 3 and not tokens[k].is_upper and (
            tokens[k].low in rules.reflexive or tokens[k].low in rules.reflexive_dative or tokens[k].low in rules.clitics):
        k -= 1  # "ще се", "да си припомни", "не ни го съобщиха" (not "Би Ти Ви съобщи")
    if k >= lo and tokens[k].low in rules.subjunctive and any(
            t.low in rules.subjunctive_reports_after for t in tokens[max(lo, k - 6) : k]):
        return False  # "беше цитиран от ТАСС да казва": reported all the same
    return k >= lo and (tokens[k].low in rules.negations or tokens[k].low in rules.auxiliaries)


def _stance(tokens: list[Token], i: int, lo: int, hi: int, text: str, rules: RuleSet) -> Cue | None:
    """"е убеден" / "бе категоричен" before the adjective, or "убеден е" / "категоричен бе" after."""
    tok = tokens[i]
    if i - 1 >= lo and tokens[i - 1].low in rules.copulas:
        first = i - 1
        return Cue("stance", first, i + 1, text[tokens[first].start : tok.end], tok.low, "stance", i)
    if i + 1 < hi and tokens[i + 1].low in rules.copulas:
        return Cue("stance", i, i + 2, text[tok.start : tokens[i + 1].end], tok.low, "stance", i)
    return None
