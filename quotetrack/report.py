"""The store as one HTML page people open: an overview with a timeline, the audit's findings
with the changed words marked, a section per speaker, the source chains drawn as a graph, and
a search box; and the audit and a diff as pages of their own.

Every page stands alone: CSS, script, data and charts (SVG) inline, no request off the machine
(its Content-Security-Policy tells the browser so too). Pages are Jinja2 templates
(quotetrack/templates) with autoescaping on; the statements the report's script shows are inline
JSON escaped for a <script> element, put into the page as text, never as markup. A big store
stays quick to open: the script draws a few speakers at a time from the data, more on demand.
Pure functions of the store's records, but for `write_page`.
"""
from __future__ import annotations

import functools
import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .errors import QuotetrackError
from .people import People
from .query import Filters, in_scope
from .rules import RuleSet
from .similar import WORD_RE, words
from .similar import ops as word_ops

MAX_FINDINGS = 300  # the report shows the most serious ones; `audit --format html` shows all
CHAINS_DRAWN = 16  # the most frequent source chains in the graph
FONT_PX = 7.8  # a rough width of one character of a graph label, for the layout


class ReportError(QuotetrackError):
    """A report that cannot be written, or filters that leave nothing to report on."""


@functools.cache
def _env():
    from jinja2 import Environment, PackageLoader

    env = Environment(loader=PackageLoader("quotetrack", "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    # |tojson: UTF-8 as it is (a \u escape would triple every Cyrillic letter), no spaces; it
    # escapes < > & ' itself, so a "</script>" in a statement cannot end the data's element
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":")}
    return env


# -- words marked -------------------------------------------------------------------------------

def marked(text: str, spans: Sequence[Sequence[int]]) -> list[tuple[str, bool]]:
    """`text` cut into (piece, marked?) pieces, words [i, j) of each span marked (word offsets
    as similar.words counts them, the offsets of the audit's and diff's `ops`)."""
    found = list(WORD_RE.finditer(text))
    chars = sorted((found[i].start(), found[min(j, len(found)) - 1].end()) for i, j in spans if i < j and i < len(found))
    out, at = [], 0
    for s, e in chars:
        s = max(s, at)
        if s < e:
            out += [(text[at:s], False), (text[s:e], True)]
            at = e
    out.append((text[at:], False))
    return [p for p in out if p[0]]


def _card(st: dict[str, Any] | None, ops: Sequence[dict[str, Any]], side: str) -> dict[str, Any] | None:
    """A statement to show, with the words its side of `ops` changed marked."""
    if st is None:
        return None
    wanted = ("delete", "replace") if side == "a" else ("insert", "replace")
    pieces = marked(st.get("text") or "", [op[side] for op in ops if op["op"] in wanted])
    media = list(st.get("via") or ([st["source"]] if st.get("source") else []))
    return {**st, "pieces": pieces, "who": st.get("person") or st.get("speaker"), "media": media}


def _finding(f: dict[str, Any]) -> dict[str, Any]:
    """A finding with its statements side by side: an altered quote's ops mark both; other
    findings of several statements mark what each says differently from the first."""
    sts = f["statements"]
    if f.get("ops"):
        cards = [_card(sts[0], f["ops"], "a"), _card(sts[1], f["ops"], "b"), *(_card(s, (), "b") for s in sts[2:])]
    elif len(sts) > 1 and sts[0].get("kind") not in ("article", "sentence"):
        base = words(sts[0].get("text") or "")
        each = [[op.to_dict() for op in word_ops(base, words(s.get("text") or ""))] for s in sts[1:]]
        cards = [_card(sts[0], [op for ops in each for op in ops], "a")] + [_card(s, o, "b") for s, o in zip(sts[1:], each)]
    else:
        cards = [_card(s, (), "a") for s in sts]
    return {**f, "similarity": f.get("similarity"), "cards": cards}


def audit_view(report: dict[str, Any], *, limit: int | None = None) -> dict[str, Any]:
    """What the audit templates show: the findings (the first `limit`), the summary, the graph."""
    findings = report["findings"][:limit] if limit is not None else report["findings"]
    return {"findings": [_finding(f) for f in findings], "hidden": len(report["findings"]) - len(findings),
            "total": len(report["findings"]), "summary": report["summary"], "graph": chain_graph(report.get("chains") or [])}


def diff_view(result: dict[str, Any]) -> dict[str, Any]:
    pairs = [{**p, "cards": (_card(p["a"], p["ops"], "a"), _card(p["b"], p["ops"], "b"))} for p in result["pairs"]]
    return {"summary": result["summary"], "changed": [p for p in pairs if p["status"] != ["unchanged"]],
            "unchanged": [p for p in pairs if p["status"] == ["unchanged"]]}


# -- charts ---------------------------------------------------------------------------------------

def timeline(days: Counter[str], *, width: int = 960, height: int = 200) -> dict[str, Any] | None:
    """Statements per day (a span of two months or less), per month (six years), else per year,
    as SVG bars; None when no statement is dated."""
    dated = sorted(d for d in days if _iso(d))
    if not dated:
        return None
    first, last = date.fromisoformat(dated[0]), date.fromisoformat(dated[-1])
    if (last - first).days <= 62:
        unit, keys = "day", [date.fromordinal(n).isoformat() for n in range(first.toordinal(), last.toordinal() + 1)]
    elif (last.year - first.year) * 12 + last.month - first.month < 72:
        unit, keys = "month", [f"{m // 12}-{m % 12 + 1:02d}" for m in range(first.year * 12 + first.month - 1, last.year * 12 + last.month)]
    else:
        unit, keys = "year", [str(y) for y in range(first.year, last.year + 1)]
    cut = {"day": 10, "month": 7, "year": 4}[unit]
    counts: Counter[str] = Counter()
    for d in dated:
        counts[d[:cut]] += days[d]
    top, left, bottom = max(counts.values()), 40, 22
    step = (width - left) / len(keys)
    every = max(1, math.ceil(len(keys) / 10))
    plot = height - bottom - 8
    bars: list[dict[str, Any]] = [{"x": round(left + n * step, 1), "w": round(max(1.0, step - (1 if step > 3 else 0)), 1),
                                   "h": round(plot * counts[k] / top, 1), "key": k, "n": counts[k], "label": n % every == 0,
                                   "end": n > 0 and left + n * step + 8 * len(k) > width}  # a label at the right edge ends there
                                  for n, k in enumerate(keys)]
    for b in bars:
        b["y"] = round(8 + plot - b["h"], 1)
    return {"unit": unit, "bars": bars, "top": top, "width": width, "height": height, "base": 8 + plot,
            "left": left, "undated": sum(n for d, n in days.items() if not _iso(d))}


def _iso(d: str) -> bool:
    try:
        date.fromisoformat(d)
    except ValueError:
        return False
    return True


def chain_graph(chains: Sequence[dict[str, Any]], *, limit: int = CHAINS_DRAWN) -> dict[str, Any] | None:
    """The most frequent source chains (speaker -> medium -> medium) as a layered node-link
    diagram: a column per step, a box per name in it, an edge as thick as the statements it
    carries. Boxes in a column are ordered by where their senders stand, so edges seldom cross."""
    weight: Counter[tuple[str, ...]] = Counter()
    arts: Counter[tuple[str, ...]] = Counter()
    for c in chains:
        weight[tuple(c["chain"])] += c["statements"]
        arts[tuple(c["chain"])] += 1
    top = sorted(weight, key=lambda t: (-weight[t], -arts[t], t))[:limit]
    if not top:
        return None
    layers: list[Counter[str]] = [Counter() for _ in range(max(map(len, top)))]
    edges: Counter[tuple[int, str, str]] = Counter()
    for chain in top:
        for k, name in enumerate(chain):
            layers[k][name] += weight[chain]
        for k in range(len(chain) - 1):
            edges[(k, chain[k], chain[k + 1])] += weight[chain]
    row, gap, pad = 34, 70, 10
    place: dict[tuple[int, str], dict[str, Any]] = {}
    x = pad
    for k, names in enumerate(_ordered(layers, edges)):
        layer = layers[k]
        w = min(240, max(60, math.ceil(max(map(len, names)) * FONT_PX) + 20))
        for i, name in enumerate(names):
            label = name if len(name) * FONT_PX + 20 <= w else name[: int((w - 20) / FONT_PX) - 1] + "…"
            place[(k, name)] = {"x": x, "y": pad + i * row, "w": w, "h": row - 10, "name": name, "label": label,
                                "n": layer[name], "layer": k}
        x += w + gap
    return {"nodes": list(place.values()), "edges": _curves(edges, place, gap), "width": x - gap + pad,
            "height": pad * 2 + max(map(len, layers)) * row - 10,
            "rows": [{"chain": list(t), "statements": weight[t], "articles": arts[t]} for t in top],
            "more": max(0, len(weight) - len(top))}


def _ordered(layers: list[Counter[str]], edges: Counter[tuple[int, str, str]], sweeps: int = 4) -> list[list[str]]:
    """The names of each column top to bottom: the busiest first, then a few sweeps down and up
    that move each name to the weighted mean place of its neighbours in the column before (or
    after), the usual way to keep a layered drawing's edges from crossing."""
    order = [sorted(layer, key=lambda n: (-layer[n], n)) for layer in layers]

    def by_neighbours(k: int, other: int) -> list[str]:
        at = {name: i for i, name in enumerate(order[other])}
        pull: dict[str, list[tuple[int, int]]] = {}
        for (j, a, b), n in edges.items():
            if other < k and j == other:
                pull.setdefault(b, []).append((at[a], n))
            elif other > k and j == k:
                pull.setdefault(a, []).append((at[b], n))
        mean = {name: sum(i * n for i, n in ps) / sum(n for _, n in ps) for name, ps in pull.items()}
        return sorted(order[k], key=lambda name: (mean.get(name, order[k].index(name)), order[k].index(name)))

    for _ in range(sweeps):
        for k in range(1, len(order)):
            order[k] = by_neighbours(k, k - 1)
        for k in range(len(order) - 2, -1, -1):
            order[k] = by_neighbours(k, k + 1)
    return order


def _curves(edges: Counter[tuple[int, str, str]], place: dict[tuple[int, str], dict[str, Any]], gap: int) -> list[dict[str, Any]]:
    """Each edge as a curve from its sender's right side to its receiver's left side."""
    out = []
    for (k, a, b), n in edges.items():
        s, t = place[(k, a)], place[(k + 1, b)]
        x1, y1, x2, y2 = s["x"] + s["w"], s["y"] + s["h"] / 2, t["x"], t["y"] + t["h"] / 2
        out.append({"d": f"M{x1},{y1} C{x1 + gap / 2},{y1} {x2 - gap / 2},{y2} {x2},{y2}", "n": n, "from": a, "to": b,
                    "w": round(min(9.0, 1.5 + 1.5 * math.log2(n)), 1)})
    return out


# -- the report's data ----------------------------------------------------------------------------

@dataclass(slots=True)
class PageData:
    """What the report's script reads, made in two passes over the records so that the statements
    are never held as rows: the speakers and counts first, then `statements()` yields each row as
    it is written. An article is [path, title, date, agency]; a statement [text, speaker,
    article, kind, verb, media, as written] with the speaker and the article as indexes (speaker
    -1: no one named), newest first."""

    articles: list[list[str]]
    speakers: list[dict[str, Any]]
    overview: dict[str, Any]
    _rows: list[int]
    _records: Sequence[dict[str, Any]]
    _people: People
    _article_at: dict[str, int]
    _speaker_at: dict[int, int]

    def statements(self) -> Iterator[list[Any]]:
        records, people = self._records, self._people
        for i in self._rows:
            r, person = records[i], people.of(i)
            media = list(r.get("via") or ([r["source"]] if r.get("source") else []))
            form = r.get("speaker") if person is not None and r.get("speaker") != person.name else ""
            yield [r.get("text") or "", self._speaker_at[id(person)] if person is not None else -1,
                   self._article_at[r["article_id"]], r.get("kind"), r.get("verb") or "", media, form or ""]

    def as_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "speakers": self.speakers, "statements": list(self.statements())}

    def json_chunks(self) -> Iterator[str]:
        """The data as JSON for a <script> element, a piece at a time: UTF-8 as it is, no spaces,
        < > & ' escaped (as Jinja's |tojson does) so that no statement can end the element."""
        yield '{"articles":' + _script_json(self.articles) + ',"speakers":' + _script_json(self.speakers) + ',"statements":['
        first = True
        for row in self.statements():
            yield ("" if first else ",") + _script_json(row)
            first = False
        yield "]}"


def _script_json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")


def page_data(articles: Sequence[dict[str, Any]], records: Sequence[dict[str, Any]], people: People,
              scope: set[str] | None = None) -> PageData:
    """The report's data for the articles in `scope` (ids; None: all): see PageData."""
    arts = [a for a in articles if scope is None or a["id"] in scope]
    at = {a["id"]: n for n, a in enumerate(arts)}
    rows = [i for i, r in enumerate(records) if r.get("article_id") in at]
    rows.sort(key=lambda i: (records[i].get("path") or "", records[i]["article_id"], records[i].get("start") or 0))
    rows.sort(key=lambda i: records[i].get("date") or "", reverse=True)  # stable: newest first, text order within
    who: dict[int, int] = {}
    speakers: list[dict[str, Any]] = []
    days: Counter[str] = Counter()
    unnamed = 0
    for i in rows:
        r, person = records[i], people.of(i)
        days[(arts[at[r["article_id"]]].get("date") or "")[:10] or "?"] += 1
        if person is None:
            unnamed += 1
            continue
        if id(person) not in who:
            who[id(person)] = len(speakers)
            speakers.append({"person": person, "count": 0, "roles": Counter(), "agencies": Counter(), "media": Counter(),
                             "dates": []})
        s = speakers[who[id(person)]]
        s["count"] += 1
        s["roles"].update([r["role"]] if r.get("role") else [])
        s["agencies"].update([r["agency"]] if r.get("agency") else [])
        s["media"].update(r.get("via") or ([r["source"]] if r.get("source") else []))
        s["dates"] += [r["date"][:10]] if r.get("date") else []
    order = sorted(range(len(speakers)), key=lambda n: (-speakers[n]["count"], speakers[n]["person"].name))
    renumber = {old: new for new, old in enumerate(order)}
    shown = [_speaker(speakers[n]) for n in order]
    rows_of_articles = [[a.get("path") or a["id"], a.get("title") or "", a.get("date") or "", a.get("agency") or ""] for a in arts]
    view = {"articles": len(arts), "statements": len(rows), "speakers": len(shown),
            "agencies": len({a[3] for a in rows_of_articles if a[3]}), "timeline": timeline(days),
            "top": [(n, sp["name"], sp["count"]) for n, sp in enumerate(shown[:10])], "unnamed": unnamed}
    return PageData(rows_of_articles, shown, view, rows, records, people, at,
                    {key: renumber[n] for key, n in who.items()})


def _speaker(s: dict[str, Any]) -> dict[str, Any]:
    p = s["person"]
    return {"name": p.name, "kind": p.kind, "count": s["count"], "aliases": p.aliases[:12],
            "roles": [x for x, _ in s["roles"].most_common(6)], "agencies": [x for x, _ in s["agencies"].most_common(6)],
            "media": [x for x, _ in s["media"].most_common(6)],
            "dates": [min(s["dates"]), max(s["dates"])] if s["dates"] else []}


# -- pages ----------------------------------------------------------------------------------------

def render_report(articles: Sequence[dict[str, Any]], records: Sequence[dict[str, Any]], people: People,
                  audit_report: dict[str, Any], *, scope: set[str] | None = None, title: str = "quotetrack",
                  note: str = "", generated: str | None = None) -> str:
    """The whole report as one HTML page: `articles` (with their texts or not) and `records` as
    `_stored` reads them, `people` built from those records, `audit_report` the audit's
    to_dict(); `scope` (article ids) narrows the page, `note` says how."""
    return "".join(report_chunks(articles, records, people, audit_report, scope=scope, title=title, note=note,
                                 generated=generated))



def report_chunks(articles: Sequence[dict[str, Any]], records: Sequence[dict[str, Any]], people: People,
                  audit_report: dict[str, Any], *, scope: set[str] | None = None, title: str = "quotetrack",
                  note: str = "", generated: str | None = None) -> Iterator[str]:
    """render_report a piece at a time: the page around the data, then the data's JSON as it is
    made, so that a store of a million statements never stands as one string."""
    from uuid import uuid4

    from markupsafe import Markup

    data = page_data(articles, records, people, scope)
    slot = f"qt-data-{uuid4().hex}"  # where the data goes: a mark no statement on the page can hold
    page = _env().get_template("report.html").render(
        title=title, note=note, generated=generated, data_json=Markup(slot), overview=data.overview,
        audit=audit_view(audit_report, limit=MAX_FINDINGS))
    head, tail = page.split(slot)
    yield head
    yield from data.json_chunks()
    yield tail


def render_audit(report: dict[str, Any], *, title: str = "quotetrack audit") -> str:
    """The audit (Report.to_dict()) as a page of its own: findings, summaries, source chains."""
    return _env().get_template("audit.html").render(title=title, audit=audit_view(report))


def render_diff(name_a: str, name_b: str, result: dict[str, Any], *, show_all: bool = False) -> str:
    """A diff (Diff.to_dict()) as a page of its own: the pairs side by side, the changed words
    marked; unchanged pairs folded unless `show_all`."""
    return _env().get_template("diff.html").render(title=f"{name_a} → {name_b}", name_a=name_a, name_b=name_b,
                                                   diff=diff_view(result), show_all=show_all)


@dataclass(frozen=True, slots=True)
class Page:
    chunks: Iterable[str]  # the HTML, made as it is written
    articles: int
    statements: int
    findings: int

    def summary(self, path: str | Path, size: int) -> str:
        return (f"wrote {path}: {self.articles} articles, {self.statements} statements, {self.findings} findings "
                f"({size / 1024:,.0f} KB)")


def scoped(articles: Sequence[dict[str, Any]], filters: Filters, rules: RuleSet) -> set[str] | None:
    """The ids of the articles the date, path and agency filters ask for (any alias of an
    agency); None when there are no such filters."""
    if filters.since is None and filters.until is None and filters.path is None and filters.agency is None:
        return None

    def medium(name: str) -> str:
        agency = rules.agency(name)
        return (agency.name if agency else name).casefold()

    wanted = medium(filters.agency) if filters.agency is not None else None
    return {a["id"] for a in articles if in_scope(a, filters)
            and (wanted is None or (a.get("agency") and medium(a["agency"]) == wanted))}


def report_page(articles: Sequence[dict[str, Any]], records: Sequence[dict[str, Any]], people: People, rules: RuleSet,
                filters: Filters | None = None, *, title: str = "quotetrack", generated: str | None = None,
                texts: Callable[[Sequence[str]], dict[str, str]] | None = None) -> Page:
    """The report of the articles the filters ask for, their audit compared against all of them
    (`texts`: the articles' texts by id, when the articles do not carry them)."""
    from .audit import audit

    filters = filters or Filters()
    scope = scoped(articles, filters, rules)
    if scope is not None and not scope:  # a typo must not give an empty page
        raise ReportError("report: no stored article matches --since/--until/--agency/--path")
    report = audit(articles, records, people, rules, scope, texts=texts).to_dict()
    asked = [f"{k} {v}" for k, v in (("since", filters.since), ("until", filters.until), ("agency", filters.agency),
                                      ("path", filters.path)) if v is not None]
    chunks = report_chunks(articles, records, people, report, scope=scope, title=title, note=" · ".join(asked),
                           generated=generated)
    n = sum(1 for r in records if scope is None or r.get("article_id") in scope)
    return Page(chunks, len(scope) if scope is not None else len(articles), n, len(report["findings"]))


def write_page(path: str | Path, html: str | Iterable[str]) -> int:
    """Write a page whole or not at all (a temporary file renamed over the target), a piece at a
    time if it comes so; returns its size in bytes."""
    from .store import file_mode, write_atomic

    target = Path(path)
    if target.is_dir():
        raise ReportError(f"{target}: is a folder, not a file")
    if not (target.parent if str(target.parent) else Path(".")).is_dir():
        raise ReportError(f"{target.parent}: no such folder")
    if not _page_or_nothing(target):  # `--out quotes.json` must not cost the store
        raise ReportError(f"{target}: exists and is not an HTML page; left untouched (give another file)")
    try:
        pieces = (html,) if isinstance(html, str) else html
        return write_atomic(target, (piece.encode("utf-8") for piece in pieces), mode=file_mode(target))
    except OSError as exc:
        raise ReportError(f"{target}: cannot write here ({(exc.strerror or 'error').lower()})") from None


def _page_or_nothing(path: Path) -> bool:
    """Whether `path` is missing, empty or an HTML page: the files a report may replace."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(512)
    except FileNotFoundError:
        return True
    except OSError as exc:
        raise ReportError(f"{path}: cannot read: {(exc.strerror or 'error').lower()}") from None
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    return not head or head.startswith((b"<!doctype html", b"<html", b"<!--"))
