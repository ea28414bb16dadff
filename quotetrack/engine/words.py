"""What a single word is, for the phrase readers: a name word, a role's first word, an
initial, a title, a particle of a foreign name. Asked of every token, so each is a lookup."""
from __future__ import annotations

import re

from ..rules import Role, RuleSet
from .text import Token

ROMAN = re.compile("[IVXLC]+")  # a regnal number keeps to a name in any script


def is_name_token(tok: Token, rules: RuleSet) -> bool:
    """A capitalised word that can be part of a person's or a body's name."""
    if not tok.is_word or not tok.is_upper:
        return False
    known = rules.name_words.get(tok.low)  # a function of the word alone: asked of every token, so kept
    if known is None:
        known = rules.name_words[tok.low] = _name_word(tok.low, rules)
    return known


def _name_word(low: str, rules: RuleSet) -> bool:
    if (low in rules.not_names or low in rules.events or low in rules.partitives or low in rules.person_nouns
            or low in rules.time_nouns  # "Ден по-рано ...", a caption's "... Дейвис | Време е ..."
            or low in rules.pronouns or (low,) in rules.roles or low in rules.manner_adverbs
            or low in rules.documents):  # "Заповедта на правителството ...": a document opening a sentence
        return False
    if len(low) > 5 and low.endswith(rules.definite_suffixes):
        return False
    if len(low) > 7 and low.endswith(rules.person_endings) and low.endswith(rules.plural_endings):
        return False  # "Поддръжници на ...", "Журналисти от ...": people by what they do, opening a sentence
    if low + ":" in rules.caption_markers:
        return False
    if len(low) > 5 and low.endswith(rules.gerund_endings):
        return False  # "Уважавайки ...": a gerund opening a sentence names no one
    return not (low in rules.verbs)


def role_at(tokens: list[Token], i: int, hi: int, rules: RuleSet) -> tuple[Role, int] | None:
    """The role whose form starts at tokens[i], and the index after it (longest form wins)."""
    if i >= hi or tokens[i].low not in rules.role_starts:
        return None
    for n in range(min(rules.max_role_len, hi - i), 0, -1):
        role = rules.roles.get(tuple(t.low for t in tokens[i : i + n]))
        if role is not None:
            return role, i + n
    if i + 2 < hi and tokens[i + 1].low in rules.clitics:
        # "първият | ни | дипломат", "външният | ни | министър": a possessive inside the role
        for n in range(min(rules.max_role_len, hi - i - 1), 1, -1):
            role = rules.roles.get((tokens[i].low, *(t.low for t in tokens[i + 2 : i + n + 1])))
            if role is not None:
                return role, i + n + 1
    return None


def initial(tokens: list[Token], k: int, hi: int, rules: RuleSet) -> bool:
    """A capital letter and a dot before a name: the "В." of "В. Радев"."""
    return (k + 2 < hi and len(tokens[k].text) == 1 and tokens[k].is_upper and tokens[k + 1].text == "."
            and is_name_token(tokens[k + 2], rules))


def definite(tok: Token, rules: RuleSet) -> bool:
    return len(tok.low) > 4 and tok.low.endswith(rules.definite_suffixes)


def title_len(tokens: list[Token], i: int, hi: int, rules: RuleSet) -> int:
    """How many tokens an honorific at tokens[i] takes ("проф." is a word and a dot)."""
    if i < hi and tokens[i].low in rules.titles:
        return 1
    if i + 1 < hi and tokens[i + 1].text == "." and tokens[i].low + "." in rules.titles:
        glued = i + 2 < hi and tokens[i + 2].text == "-" and tokens[i + 2].start == tokens[i + 1].end
        return 3 if glued else 2  # "зам.-председателят": the prefix, then the role
    return 0


def name_end(tokens: list[Token], k: int, hi: int, rules: RuleSet) -> int:
    """Where the run of name words (initials and particles included) that starts at tokens[k]
    ends; a name keeps to one script ("Evening Standard | Джонсън": a full stop lost between)."""
    latin = k < hi and tokens[k].text[0].isascii()
    while k < hi and tokens[k].is_word and (tokens[k].text[0].isascii() == latin or ROMAN.fullmatch(tokens[k].text)):  # "Бенедикт XVI"
        if len(tokens[k].text) == 1 and initial(tokens, k, hi, rules):
            k += 2  # "В. Радев"
        elif is_name_token(tokens[k], rules):
            k += 1
            if k < hi and tokens[k].text.isdigit() and len(tokens[k].text) <= 2 and tokens[k - 1].text[0].isascii():
                k += 1  # "Nord Stream 2": a number that is part of a Latin name
        elif (n := particles(tokens, k, hi, rules)) and k + n < hi and is_name_token(tokens[k + n], rules):
            k += n  # "фон дер Лайен", "да Силва"
        elif (latin and tokens[k].low in rules.latin_connectors and k + 1 < hi and tokens[k + 1].text[0].isascii()
              and is_name_token(tokens[k + 1], rules)):
            k += 1  # "School of | Hygiene": a body's name goes on
        else:
            break
    return k


def particles(tokens: list[Token], k: int, hi: int, rules: RuleSet) -> int:
    """How many name particles ("фон", "дер", "ван") stand at tokens[k]."""
    n = 0
    while k + n < hi and n < 3 and tokens[k + n].low in rules.particles and not tokens[k + n].is_upper:
        n += 1
    return n


def lone_name(tokens: list[Token], k: int, hi: int, rules: RuleSet) -> bool:
    """A name word alone, with no role or title at it ("Русия", "Петров" with no first name):
    read_np would read it as a one-word name (or a medium), which names nobody in full."""
    t = tokens[k]
    if len(t.text) <= 1 or not is_name_token(t, rules) or t.low in rules.role_starts:
        return False
    nxt = tokens[k + 1] if k + 1 < hi else None
    if nxt is None or not (nxt.is_upper or nxt.text == "." or nxt.text.isdigit() or nxt.low in rules.particles
                           or nxt.low in rules.latin_connectors):
        return t.low not in rules.titles  # (most names: nothing after them that goes on with a name)
    return not title_len(tokens, k, hi, rules) and name_end(tokens, k, hi, rules) == k + 1


def good_start(tok: Token, rules: RuleSet) -> bool:
    """A speaker's phrase opens with its head or a definite adjective, not any word before it."""
    return ((tok.low,) in rules.roles or tok.low in rules.titles or tok.low + "." in rules.titles
            or tok.low in rules.pronouns or is_name_token(tok, rules) or tok.low.endswith(rules.definite_suffixes)
            or tok.low in rules.role_starts or tok.low in rules.partitives  # "всички депутати", "един от тях"
            or tok.low.endswith(rules.person_endings))  # "поддръжници на ...": people by what they do


def agrees(adjective: str, noun: str, rules: RuleSet) -> bool:
    """Whether a noun agrees with the definite adjective before it ("европейския съюз")."""
    for article, endings in rules.agreement:
        if adjective.endswith(article):
            return noun[-1] not in rules.vowels if not endings else noun.endswith(endings)
    return False
