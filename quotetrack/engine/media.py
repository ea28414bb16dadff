"""Which medium a phrase names: a known agency or outlet by any of its aliases ("АФП", "Франс
прес"), a phrase headed by a media noun ("вестник „Ханделсблат“"), or a medium the article
named before ("сайтът Порт Нюз" ... "пред Порт Нюз")."""
from __future__ import annotations

from collections.abc import Sequence

from ..rules import RuleSet
from .text import DASHES, Token, quoted_at, same_stem


ANY_KIND = "*"  # a medium of no kind the rules know: any bare media noun may mean it


class Media:
    """Media recognition over one article's tokens."""

    def __init__(self, rules: RuleSet, tokens: Sequence[Token] = (), at: dict[str, list[int]] | None = None) -> None:
        self.rules = rules
        self.named: list[tuple[int, str, str]] = []  # (offset, media noun, name): "портал", "Ен Ю"
        self._tokens = tokens
        self._known: list[tuple[int, str, str]] | None = None  # (offset, name, kind): read when first asked
        self._by_kind: tuple[int, list[tuple[int, str, str]]] | None = None  # the same with the media named after a noun
        self._named_first: frozenset[str] = frozenset()  # the first word of each medium named so
        self.credited: list[tuple[int, str]] = []  # (offset, name): outlets no list names, credited by name
        self._learn(tokens, at)
        self._named_first = frozenset(name.split()[0] for _, _, name in self.named if name.split())

    def _learn(self, tokens: Sequence[Token], at: dict[str, list[int]] | None = None) -> None:
        """Remember every medium the article names after a media noun ("портал Ен Ю"), so that
        a later "портала" can be read as that medium. `at`: each word's token indexes, if known."""
        nouns = self.rules.media_nouns
        where = sorted(k for w in nouns.intersection(at) for k in at[w]) if at is not None else [
            k for k, t in enumerate(tokens) if t.low in nouns]  # a comprehension: every token is asked
        for k in where:
            t = tokens[k]
            found = self.medium_at(tokens, k, min(len(tokens), k + 8))
            if found and found[1] > k + 1 and found[0].lower() != t.low and not found[0].lower().startswith(t.low + " "):
                # (a name after the noun: "изданието" alone points back, at a medium named before)
                self.named.append((t.start, t.low, found[0]))
            elif found and found[1] > k + 1 and tokens[found[1] - 1].is_upper:
                self.named.append((t.start, t.low, _text(tokens, k + 1, found[1])))
        if at is None:
            return
        # ", съобщава South China Morning Post.": an outlet no list names, credited in Latin letters
        # closing a sentence, is what a later "изданието" may mean, whatever its kind
        for w in self.rules.outlet_verbs.intersection(at):
            for k in at[w]:
                j = k + 1
                while j < len(tokens) and tokens[j].is_upper and tokens[j].text.isascii() and tokens[j].text.isalpha():
                    j += 1
                if j > k + 1 and k > 0 and tokens[k - 1].text == "," and (j == len(tokens) or tokens[j].text == ".") and (
                        self.agency_at(tokens, k + 1, j) is None):
                    self.credited.append((tokens[k + 1].start, _text(tokens, k + 1, j)))

    def antecedent(self, noun: str, before: int) -> str | None:
        """The last medium named with the same noun before an offset ("портала" -> "портал Ен Ю")."""
        for at, head, name in reversed(self.named):
            if at < before and same_stem(head, noun):
                return name
        return None

    def referent(self, noun: str, before: int) -> str | None:
        """The medium a bare definite media noun means: the last one of a fitting kind named
        shortly before ("... съобщи Ройтерс. Агенцията добавя" -> Ройтерс), else none."""
        kinds = self.rules.media_refers.get(noun)
        if not kinds:
            return None
        for at, name, kind in self._kinds():
            if before - at > self.rules.media_reach:
                break
            if at < before and (kind in kinds or kind == ANY_KIND):
                return name
        return None

    def _kinds(self) -> list[tuple[int, str, str]]:
        """The listed media and those named after a media noun of a kind ("вестник South China
        Morning Post": a newspaper), latest first: what a bare "изданието" may point back at."""
        if self._by_kind is None or self._by_kind[0] != len(self.named) + len(self.credited):  # (still being read)
            named = [(at, name, kind) for at, head, name in self.named for d, ks in self.rules.media_refers.items()
                     if same_stem(d, head) for kind in ks]
            credited = [(at, name, ANY_KIND) for at, name in self.credited]
            self._by_kind = (len(self.named) + len(self.credited), sorted([*self._listed(), *named, *credited], key=lambda x: x[0], reverse=True))
        return self._by_kind[1]

    def _listed(self) -> list[tuple[int, str, str]]:
        """Every listed medium the article names, with its kind: (offset, name, kind)."""
        if self._known is None:
            self._known = []
            tokens, starts = self._tokens, self.rules.agency_starts
            past = 0  # no medium inside another's name ("Telegraph" of "Daily Telegraph")
            for k, t in enumerate(tokens):
                found = self.agency_at(tokens, k, len(tokens)) if t.low in starts and k >= past else None
                agency = self.rules.agencies.get(tuple(found[0].lower().split())) if found else None
                if agency is not None and found is not None:  # (found, for the type checker)
                    self._known.append((t.start, agency.name, agency.kind))
                    past = found[1]
        return self._known

    def agency_at(self, tokens: Sequence[Token], i: int, hi: int) -> tuple[str, int, str] | None:
        """The agency whose alias starts at tokens[i] (quote marks inside it skipped):
        (canonical name, index after it, country)."""
        rules = self.rules
        k = i
        while k < hi and tokens[k].text in rules.marks:
            k += 1
        if k >= hi or tokens[k].low not in rules.agency_starts:
            return None  # no alias starts with this word: most tokens stop here
        quoted = tokens[i].text in rules.openers
        words: list[str] = []
        ends: list[int] = []
        k = i
        hi = min(hi, i + 3 * rules.max_agency_len + 4)  # an alias with its quote marks, no more
        while k < hi and len(words) < rules.max_agency_len:
            t = tokens[k]
            if t.text in rules.marks:
                k += 1
                continue
            if not (t.is_word or t.text == "."):
                break
            if t.text == "." and words and k + 1 < hi and tokens[k + 1].is_word and tokens[k + 1].start == t.end == tokens[k - 1].end + 1:
                words[-1] += "." + tokens[k + 1].low  # a domain: "News.bg"
                ends[-1] = k + 2
                k += 2
                continue
            if not t.is_word:
                break
            words.append(t.low)
            ends.append(k + 1)
            k += 1
        for n in range(len(words), 0, -1):
            key = tuple(words[:n])
            agency = rules.agencies.get(key) or rules.agencies.get(tuple(" ".join(key).replace(". ", ".").split()))
            if agency is None:
                continue
            if agency.ambiguous and key == _agency_key_of(agency) and not quoted and not (
                    i > 0 and tokens[i - 1].low.rstrip(".") in rules.media_stems) and not _after_credit(tokens, i, rules):
                continue  # "фокус", "сега": a name only after a media noun, a credit or in quote marks
            j = ends[n - 1]
            if quoted and not (j < hi and tokens[j].text in rules.closers):
                continue  # "„Нова сила“": a quoted name that only begins with a medium's
            while j < hi and tokens[j].text in rules.closers and tokens[j].text not in rules.openers - rules.closers:
                j += 1
            return agency.name, j, agency.country
        return None

    def medium_at(self, tokens: Sequence[Token], i: int, hi: int) -> tuple[str, int] | None:
        """A medium named at tokens[i]: a known agency, or a phrase headed by a media noun
        ("руските държавни медии", "вестник „Ханделсблат“"). Returns (name, index after)."""
        rules = self.rules
        if i < hi and (t := tokens[i]).is_upper and t.text not in self._named_first and t.low not in rules.agency_starts and (
                t.low not in rules.media_nouns and not (i + 1 < hi and (tokens[i + 1].text == "." or tokens[i + 1].low in rules.media_nouns))):
            return None  # a capitalised word no medium starts with: most names, asked on every phrase
        found = self.agency_at(tokens, i, hi)
        if found:
            j = found[1]
            if j < hi and " ".join(t.low for t in tokens[i : j + 1]) in rules.places:
                return None  # "Нова Зеландия" is a place, not the television "Нова"
            return found[0], j
        if i < hi and tokens[i].is_upper:
            for at, _, name in self.named:  # "пред Порт Нюз", named earlier as "сайтът Порт Нюз"
                n = len(name.split())
                if at < tokens[i].start and i + n <= hi and _text(tokens, i, i + n) == name:
                    return name, i + n
        k = i
        while (k < hi and k - i < 6 and tokens[k].is_word and (not tokens[k].is_upper or (k == i and _is_noun(tokens, k + 1, hi, rules)))
               and not _is_noun(tokens, k, hi, rules)
               and tokens[k].low not in rules.preps and (tokens[k].low,) not in rules.roles
               and tokens[k].low not in rules.time_nouns and not tokens[k].low.endswith(rules.gerund_endings)):
            k += 1  # adjectives before the media noun ("руските държавни медии", "известното финансово и бизнес
            # интернет издание"), not a person or a preposition
        if k > i and k < hi and (tokens[k].is_upper or tokens[k].text in rules.openers) and (named := self.agency_at(tokens, k, hi)):
            return named[0], named[1]  # "британският (в.) „Дейли експрес“": an adjective, then a known medium
        if not (k < hi and _is_noun(tokens, k, hi, rules)):
            return None
        head = k
        k += 1
        if k < hi and tokens[k].text == "." and tokens[head].low not in rules.media_nouns:
            k += 1  # "в." for вестник
        while k < hi and tokens[k].low in rules.media_nouns:
            k += 1
        if k + 1 < hi and tokens[k].is_word and not tokens[k].is_upper and tokens[k + 1].text in rules.openers:
            k += 1  # "медийна група „Funke“": one more noun before the name
        named = self.agency_at(tokens, k, hi)
        if named:
            return named[0], named[1]
        close = quoted_at(tokens, k, hi, rules.openers, rules.closers)
        if close is not None:
            return _text(tokens, k + 1, close), close + 1
        if k < hi and tokens[k].low in rules.preps and k + 1 < hi and tokens[k + 1].is_upper:
            place = next((n for n in (3, 2, 1) if k + 1 + n <= hi and _text(tokens, k + 1, k + 1 + n).lower() in rules.places), None)
            if place is not None:
                k += 1 + place  # "големите медии в САЩ | Байдън ...": the place, not the next clause's subject
            else:
                k += 2
                while k < hi and tokens[k].is_word and tokens[k].is_upper:
                    k += 1
        if k < hi and tokens[k].is_word and tokens[k].is_upper and k > head:
            close = next((n for n in range(k + 1, min(hi, k + 7)) if tokens[n].text in rules.closers
                          or tokens[n].text in rules.openers or not (tokens[n].is_word or tokens[n].text in DASHES)), None)
            if close is not None and close > k + 1 and tokens[close].text in rules.closers and (
                    close + 1 >= hi or tokens[close + 1].start > tokens[close].end):  # a closer: a space follows it
                # "в предаването Лице в лице” Петър Колев": a title whose opening mark was lost runs to its closing one
                return _text(tokens, k, close), close + 1
        pointing = len(tokens[head].low) > 4 and tokens[head].low.endswith(rules.definite_suffixes)
        many = tokens[head].low.endswith(rules.plural_endings)  # "британски медии | Тереза Мей": many outlets bear no one name
        if (k < hi and not many and tokens[k].is_word and tokens[k].is_upper and tokens[k].low not in rules.not_names
                and not (len(tokens[k].low) > 4 and tokens[k].low.endswith(rules.definite_suffixes))
                and not (pointing and k == head + 1 and tokens[k].low in rules.places)):  # "Според изданието | Пекин ..."
            name_at = k  # not "Европейският" of "Според изданието Европейският парламент ...": a new subject
            latin = tokens[k].text[0].isascii()
            while (k < hi and tokens[k].is_word and tokens[k].is_upper and tokens[k].low not in rules.not_names
                   and tokens[k].text[0].isascii() == latin):
                k += 1  # not into the next sentence's first word ("Sunday Express | Във ...", "ITV | Стърджън")
            # "сайтът Порт Нюз": the medium is its name; "Радио Град": the noun is part of it, but not
            # of a name in other letters ("Вестник South China Morning Post" opening a sentence)
            part = tokens[head].is_upper and tokens[head].text[0].isascii() == latin
            return _text(tokens, i if part else name_at, k), k
        if k == head + 1 and not (k < hi and tokens[k].low in rules.preps):  # "Агенцията по общите въпроси": a body
            noun = tokens[head].low
            if head > i and noun not in rules.media_refers and len(tokens[i].low) > 4 and tokens[i].low.endswith(rules.definite_suffixes):
                # "британският вестник", "Британското издание": the adjective makes the noun point back
                noun = next((d for d in rules.media_refers if same_stem(d, noun)), noun)
            earlier = self.antecedent(noun, tokens[i].start) or self.referent(noun, tokens[i].start)
            if earlier:
                return earlier, k  # "според интернет портала": the portal named before
        if (head == i and k == head + 1) or tokens[head].low in rules.named_media_nouns or (head > i and tokens[i].is_upper):
            # "по телевизията": a medium, but not a named one; "в социалната мрежа": none;
            # "Федералната агенция по ...": a body, unless it points back at a medium named before
            return None
        while k > i and not tokens[k - 1].is_word:
            k -= 1
        return _text(tokens, i, k), k

    def country(self, name: str) -> str | None:
        agency = self.rules.agencies.get(tuple(name.lower().split()))
        return agency.country if agency else None


def _after_credit(tokens: Sequence[Token], i: int, rules: RuleSet) -> bool:
    """Whether a credit phrase ends right before tokens[i]: "цитирана от | Фокус"."""
    return any(len(p) <= i and all(tokens[i - len(p) + n].low == w for n, w in enumerate(p)) for p in rules.credit_phrases)


def _is_noun(tokens: Sequence[Token], n: int, hi: int, rules: RuleSet) -> bool:
    """A media noun at tokens[n]: "вестник", or "в." for it ("В. Радев" is an initial)."""
    low = tokens[n].low
    return low in rules.media_nouns or (
        low + "." in rules.media_nouns and n + 1 < hi and tokens[n + 1].text == "."
        and not (len(tokens[n].text) == 1 and tokens[n].is_upper))


def _agency_key_of(agency) -> tuple[str, ...]:
    """The short name of an ambiguous outlet ("Нова", "Сега") is the ambiguous part."""
    return tuple(agency.name.lower().split())


def _text(tokens: Sequence[Token], a: int, b: int) -> str:
    """Tokens a..b as written, single-spaced (the article's own spacing is not kept here)."""
    out = []
    prev_end = None
    for t in tokens[a:b]:
        if prev_end is not None and t.start > prev_end:
            out.append(" ")
        out.append(t.text)
        prev_end = t.end
    return "".join(out)
