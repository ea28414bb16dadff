"""Output for people (rich) and for pipes (json, jsonl, csv). The only module that imports rich."""
from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO

from .models import QUOTE_FIELDS

SPEAKER_FIELDS = ("name", "kind", "count", "direct", "partial", "indirect", "articles", "roles", "aliases",
                  "first_date", "last_date", "agencies", "sources")


def plural(n: int, word: str) -> str:
    """"1 article", "3 articles": the counts a summary line gives."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _utf8_bytes(out: TextIO) -> Any:
    """The byte stream under a UTF-8 text stream (standard output), flushed so that what is
    written next follows what was; None for any other stream, which gets str."""
    raw = getattr(out, "buffer", None)
    encoding = (getattr(out, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if raw is None or encoding != "utf8":
        return None
    out.flush()
    return raw


def records(rows: Iterable[dict[str, Any]], fmt: str, *, fields: Sequence[str] = QUOTE_FIELDS,
            out: TextIO | None = None, bom: bool = False) -> None:
    """Write rows as json (one list), jsonl (one object a line) or csv, each with `fields` in
    that order (what the store keeps for itself, such as an absolute location, stays out).
    `bom` starts csv with a byte-order mark: Excel reads a file without one as the local
    code page, and Cyrillic comes out as mojibake."""
    import orjson

    out = out or sys.stdout
    if bom and fmt == "csv":
        out.write("\ufeff")
    rows = ({k: row.get(k) for k in fields} for row in rows)
    if fmt in ("json", "jsonl"):
        # orjson's bytes as they are on a UTF-8 standard output (no decoding to str and
        # encoding back); decoded for any other stream
        raw = _utf8_bytes(out)
        write = raw.write if raw is not None else (lambda data: out.write(data.decode()))
        if fmt == "jsonl":
            for row in rows:
                write(orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE))
        else:  # streamed, one record a line: a list of any length in constant memory
            write(b"[")
            for n, row in enumerate(rows):
                write((b"\n" if n == 0 else b",\n") + orjson.dumps(row))
            write(b"\n]\n")
        if raw is not None:
            raw.flush()
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(fields), extrasaction="ignore")
        writer.writeheader()
        for row in rows:  # lists (roles, aliases) as one cell
            writer.writerow({k: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v for k, v in row.items()})
    else:
        raise ValueError(fmt)


# Table widths. Rich left to itself sizes a column by its longest cell, so a long speaker or
# source chain takes the row and the statement is squeezed to "…". Instead every column but
# the main one (the statement, the speaker) gets a cap, a share of the terminal, and wraps
# inside it; the main column gets the rest. In order, as the terminal narrows:
#  1. the main column keeps `share` of the room (or what its longest line needs); the other
#     columns wrap down to their longest word (up to WORD_MAX cells), the `last` ones (the
#     speaker beside a statement) only after the rest;
#  2. the main column gives way, down to MAIN_LAST of the room, never below its longest word;
#  3. only then are words folded across lines: the other columns first, the `last` ones after,
#     not the `firm` ones (dates) nor those of a natural width (kinds, counts);
#  4. in a terminal too narrow even for that, every column folds and the main one keeps a third.
# Nothing is cut: every column folds (overflow="fold"), none ends in "…".
WORD_MAX = 22  # a longer word (a web address, a long hyphenated title) may fold rather than widen its column
MAIN_LAST = 0.3


def _column_widths(width: int, columns: Sequence[tuple[Sequence[str], int | None]], main: int, share: float,
                   last: Sequence[int] = (), firm: Sequence[int] = ()) -> list[int] | None:
    """Widths (without padding) for a table with the default box and padding in `width`
    cells, by the rules above. `columns` are (header and cells as plain text, cap), the cap
    None for a column that keeps its natural width; the `main` column's cap is unused. None
    when the terminal is too narrow even for that: rich then shares it out (folding, never
    cutting)."""
    from rich.cells import cell_len

    room = width - 3 * len(columns) - 1  # a border before each column, one after the last, a space either side
    natural, word, floor, want = [], [], [], []
    for n, (texts, cap) in enumerate(columns):
        lines = [line for text in texts for line in text.splitlines()]
        natural.append(max((cell_len(line) for line in lines), default=1) or 1)
        word.append(min(max((cell_len(w) for line in lines for w in line.split()), default=1), WORD_MAX))
        if cap is None:
            floor.append(natural[-1])
            want.append(natural[-1])
        else:
            floor.append(word[-1])
            want.append(max(min(natural[-1], cap), word[-1]))
    want[main] = floor[main] = 0
    sides = [n for n in range(len(columns)) if n != main]

    def shrink(budget: int, low: list[int]) -> None:
        # the widest column above its floor gives a cell, until the others fit in `budget`;
        # the `last` columns only once no other can
        for tier in ([n for n in sides if n not in last], [n for n in sides if n in last]):
            while sum(want) > budget:
                above = [n for n in tier if want[n] > low[n]]
                if not above:
                    break
                want[max(above, key=lambda n: (want[n] - low[n], want[n]))] -= 1

    main_nat, main_word = natural[main], word[main]
    shrink(room - max(main_word, min(main_nat, max(20, round(room * share)))), floor)
    main_low = max(main_word, min(main_nat, max(12, round(room * MAIN_LAST))))
    shrink(room - main_low, floor)
    shrink(room - main_low, [floor[n] if n in firm or columns[n][1] is None else min(4, natural[n])
                             for n in range(len(columns))])
    # 4. a terminal too narrow even for that: every column folds, the main one keeps a third
    shrink(room - min(main_low, max(1, room // 3)), [min(3, natural[n]) for n in range(len(columns))])
    # a main column whose longest line is short leaves room: the others unwrap into it
    spare = room - main_nat - sum(want)
    while spare > 0:
        grow = [n for n in sides if want[n] < natural[n]]
        if not grow:
            break
        for n in grow[:spare]:
            want[n] += 1
        spare -= len(grow[:spare])
    want[main] = room - sum(want)
    return want if want[main] >= 1 else None


def _fitted_columns(table: Any, width: int, spec: Sequence[tuple[str, str, str, tuple[float, int] | None]],
                    cells: Sequence[Sequence[Any]], *, main: int, share: float, last: Sequence[int] = (),
                    firm: Sequence[int] = ()) -> None:
    """Add `spec`'s columns, (header, style, justify, cap), to `table` in widths from
    _column_widths for these `cells` (rich Text). A cap is (a share of the room, at least so
    many cells); None: as wide as the column's longest line."""
    room = width - 3 * len(spec) - 1
    widths = _column_widths(width, [([header] + [row[n].plain for row in cells],
                                     None if cap is None else max(cap[1], round(room * cap[0])))
                                    for n, (header, _, _, cap) in enumerate(spec)],
                            main=main, share=share, last=last, firm=firm)
    for n, (header, style, justify, _) in enumerate(spec):
        table.add_column(header, style=style, justify=justify, overflow="fold", width=widths[n] if widths else None,
                         ratio=3 if widths is None and n == main else None)


def quote_table(rows: Sequence[dict[str, Any]], *, title: str = "Statements", console: Any = None) -> None:
    """A table of statements grouped by article, for a terminal (or for `console`, a rich
    Console). The statement column gets the room; kind, speaker, verb and source are capped
    and wrap (see _column_widths)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = console or Console()
    if not rows:
        console.print("[dim]No statements found.[/dim]")
        return
    by_article: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_article.setdefault(row.get("path") or row.get("article_id") or "-", []).append(row)
    for path, items in by_article.items():
        first = items[0]
        meta = " · ".join(x for x in (path, first.get("date"), first.get("agency")) if x)
        # article words go in as Text: a "[снимка]" in them is not markup
        head = Text.assemble((first.get("title") or path, "bold"), "\n", (meta, "dim"))
        cells = []
        for q in items:
            who = q.get("person") or q.get("speaker")
            speaker = Text(who) if who else Text("unattributed", style="red")
            cells.append((Text(q["kind"]), speaker, Text(q.get("verb") or ""), Text(q.get("source") or ""),
                          Text(q["text"])))
        table = Table(title=head, title_justify="left", show_lines=False, expand=True)
        _fitted_columns(table, console.width, (("kind", "cyan", "left", None), ("speaker", "bold", "left", (0.22, 14)),
                                               ("verb", "magenta", "left", (0.12, 9)),
                                               ("source", "green", "left", (0.16, 10)), ("statement", "", "left", None)),
                        cells, main=4, share=0.45, last=(1,))
        for row_cells in cells:
            table.add_row(*row_cells)
        console.print(table)


SPEAKER_CAPTION = "said: statements · d/p/i: direct / partial / indirect · art.: articles · carried by: agencies and media"


def speaker_table(rows: Sequence[dict[str, Any]], *, console: Any = None) -> None:
    """One row per speaker: how much they said, where, in which roles, credited to whom. The
    speaker column gets the room; the others are capped and wrap; the abbreviated headers are
    spelled out under the table."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = console or Console()
    if not rows:
        console.print("[dim]No speakers stored.[/dim]")
        return
    cells = []
    for r in rows:
        name = Text(r["name"], style="bold")
        if r["kind"] not in ("person", "name"):
            name.append(f" ({r['kind']})", style="dim")
        if r["aliases"]:
            shortest = sorted(r["aliases"], key=len)[:3]
            more = len(r["aliases"]) - len(shortest)
            name.append("\n" + ", ".join(shortest) + (f" +{more} more" if more else ""), style="dim")
        first, last = r["first_date"], r["last_date"]
        dates = (first or "") if first == last else f"{first or '?'} – {last or '?'}"
        carriers = list(dict.fromkeys(r["agencies"] + r["sources"]))
        cells.append((name, Text(str(r["count"])), Text(f"{r['direct']}/{r['partial']}/{r['indirect']}"),
                      Text(str(r["articles"])), Text(", ".join(r["roles"][:2])), Text(dates),
                      Text(", ".join(carriers[:3]))))
    table = Table(title="Speakers", title_justify="left", expand=True, caption=SPEAKER_CAPTION, caption_justify="left")
    _fitted_columns(table, console.width, (("speaker (also named)", "", "left", None), ("said", "", "right", None),
                                           ("d/p/i", "cyan", "right", None), ("art.", "", "right", None),
                                           ("roles", "magenta", "left", (0.16, 11)), ("dates", "", "left", (0.0, 12)),
                                           ("carried by", "green", "left", (0.18, 11))),
                    cells, main=0, share=0.35, firm=(5,))
    for row_cells in cells:
        table.add_row(*row_cells)
    console.print(table)


SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}
TYPE_SHORT = {"uncredited_copy": "copy", "conflicting_attribution": "confl", "altered_quote": "alter",
              "unattributed": "unattr", "unresolved_pronoun": "pron", "vague_source": "vague"}


def audit_report(report: dict[str, Any], *, shown: int = 200) -> None:
    """Findings by severity, each with its statements; a summary per agency and per outlet;
    the source chains."""
    from rich import box
    from rich.console import Console
    from rich.markup import escape
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    console = Console()
    summ, findings = report["summary"], report["findings"]
    sev = summ["by_severity"]
    console.print(f"[bold]Audit[/bold] of {summ['articles']} articles, {summ['statements']} statements: "
                  f"{len(findings)} findings ([bold red]{sev['high']} high[/], [yellow]{sev['medium']} medium[/], "
                  f"[cyan]{sev['low']} low[/])")
    aside = summ.get("set_aside") or {}
    if any(aside.values()):
        console.print(f"[dim]Set aside as the extractor's, not the articles': {aside.get('extractor_disagreements', 0)} "
                      f"statements whose one wire text was read with two speakers, {aside.get('credited_nearby', 0)} "
                      f"quotes with a credit nearby the extractor missed.[/dim]")
    for f in findings[:shown]:
        style = SEVERITY_STYLE[f["severity"]]
        sure = f" [dim]confidence {f['confidence']:.2f}[/dim]" if f.get("confidence") is not None else ""
        console.print(f"\n[{style}]{f['severity'].upper():6}[/] [bold]{f['type']}[/bold]{sure}  [dim]{escape(f['path'] or f['article_id'])}[/dim]")
        console.print(Padding(Text(f["explanation"]), (0, 0, 0, 2)))
        for st in f["statements"]:
            text = (st.get("text") or "").replace("\n", " ")
            text = text if len(text) <= 110 else text[:107] + "…"
            who = st.get("person") or st.get("speaker") or ("" if st.get("kind") in ("article", "sentence") else "unattributed")
            where = st.get("path") or st.get("article_id") or ""
            line = Text("· ", style="dim") + Text(text) + Text(f" — {who}{' · ' if who else ''}{where}", style="dim")
            console.print(Padding(line, (0, 0, 0, 2)))
    if len(findings) > shown:
        console.print(f"\n[dim]… and {len(findings) - shown} more (use --format json for all)[/dim]")
    for title, key in (("By agency", "by_agency"), ("By outlet", "by_outlet")):
        table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, caption=None if key == "by_outlet" else
                      "spk%/src%: share of statements with a named speaker / a named source", caption_justify="left")
        table.add_column(title.split()[-1], min_width=10, overflow="fold")
        for col in ("stmts", "spk%", "src%", *TYPE_SHORT.values()):
            table.add_column(col, justify="right", no_wrap=True)
        for name, row in summ[key].items():
            table.add_row(escape(name), str(row["statements"]), f"{row['named_speaker_share']:.0%}",
                          f"{row['named_source_share']:.0%}", *(str(row["findings"][t] or "") for t in TYPE_SHORT))
        console.print()
        console.print(table)
    if report.get("chains"):
        console.print("\n[bold]Source chains[/bold]")
        for c in report["chains"]:
            console.print(f"  {escape(' → '.join(c['chain']))} [dim]({escape(c['path'] or c['article_id'])}, {c['statements']})[/dim]")


STATUS_STYLE = {"unchanged": "dim", "reworded": "yellow", "reattributed": "magenta", "only_a": "red", "only_b": "green"}


def _marked(text: str, spans: list[tuple[int, int]], style: str):
    """The statement as rich Text, words [i, j) of each span in `style`."""
    from rich.text import Text

    from .similar import WORD_RE

    out = Text(text)
    words = list(WORD_RE.finditer(text))
    for i, j in spans:
        if i < j and i < len(words):
            out.stylize(style, words[i].start(), words[min(j, len(words)) - 1].end())
    return out


def _side(st: dict[str, Any] | None, ops: list[dict[str, Any]], which: str):
    from rich.text import Text

    if st is None:
        return Text("—", style="dim")
    spans = [tuple(op[which]) for op in ops if op["op"] in (("delete", "replace") if which == "a" else ("insert", "replace"))]
    text = _marked(st.get("text") or "", spans, "bold red strike" if which == "a" else "bold green")
    from .diff import credit

    who = st.get("person") or st.get("speaker") or "no one"
    via = credit(st)
    text.append(f"\n— {who}" + (f" · {via}" if via else ""), style="dim")
    return text


def diff_view(name_a: str, name_b: str, result: dict[str, Any], *, show_all: bool = False, title: str | None = None) -> None:
    """The pairs side by side, changed words highlighted; unchanged pairs folded unless show_all."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    summ = result["summary"]
    console.print(Text(title or f"{name_a} → {name_b}", style="bold"))
    console.print("  " + "  ".join(f"[{STATUS_STYLE[k]}]{k} {v}[/]" for k, v in summ.items()))
    rows = [p for p in result["pairs"] if show_all or p["status"] != ["unchanged"]]
    if rows:
        table = Table(expand=True, show_lines=True)
        table.add_column("status", no_wrap=True)
        table.add_column(Text(name_a), ratio=1)
        table.add_column(Text(name_b), ratio=1)
        for p in rows:
            label = Text("\n".join(p["status"]) + (f"\n({p['note']})" if p.get("note") else ""))
            label.stylize(STATUS_STYLE[p["status"][0]])
            b = _side(p["b"], p["ops"], "b")
            if p.get("changes"):
                b.append("\n" + "; ".join(p["changes"]), style="magenta")
            table.add_row(label, _side(p["a"], p["ops"], "a"), b)
        console.print(table)
    hidden = len(result["pairs"]) - len(rows)
    if hidden:
        console.print(f"[dim]{hidden} unchanged statements not shown (--all shows them)[/dim]")


def history_view(path: str, listing: list[dict[str, Any]], steps: list[dict[str, Any]], *, show_all: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    table = Table(title=Text(f"Versions of {path}"), title_justify="left")
    for col in ("version", "stored", "sha256", "statements", "title"):
        table.add_column(col)
    for v in listing:
        table.add_row(str(v["version"]), v.get("extracted_at") or "", (v.get("sha256") or "")[:12], str(v["statements"]),
                      Text(v.get("title") or ""))
    console.print(table)
    if not steps:
        console.print("[dim]Only one version is stored.[/dim]")
    for step in steps:
        console.print()
        diff_view(f"v{step['from']}", f"v{step['to']}", step, show_all=show_all, title=f"version {step['from']} → {step['to']}")


def speaker_versions(names: list[str], total: int, clusters: list[list[dict[str, Any]]]) -> None:
    """Each statement one person made that several articles carried: its versions, earliest
    first, with the words each later one changed."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    console.print(Text(f"{', '.join(names)}: {total} statements, {len(clusters)} carried by more than one article", style="bold"))
    for n, rows in enumerate(clusters, 1):
        table = Table(title=Text(f"{n}. {rows[0].get('text') or ''}"[:100]), title_justify="left", expand=True)
        table.add_column("article", ratio=1)
        table.add_column("date", no_wrap=True)
        table.add_column("agency", no_wrap=True)
        table.add_column("words against the first", ratio=3)
        for r in rows:
            spans = [tuple(op["b"]) for op in r["ops"] if op["op"] in ("insert", "replace")]
            text = _marked(r.get("text") or "", spans, "bold green")
            dropped = [" ".join(op["a_words"]) for op in r["ops"] if op["op"] in ("delete", "replace")]
            if dropped:
                text.append("\n− " + " | ".join(dropped), style="red")
            table.add_row(Text(r.get("path") or r.get("article_id") or ""), r.get("date") or "", Text(r.get("agency") or ""), text)
        console.print(table)


@contextmanager
def progress(total: int, what: str) -> Iterator[Callable[[], None] | None]:
    """A progress bar on stderr for long runs when stderr is a terminal; never in pipes.
    Yields the function to call once per item done (None when there is no bar)."""
    if total < 20 or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    # the bar's console is stderr: rich must not route stdout through it, or piped output
    # would land on the terminal instead
    with Progress(TextColumn(what), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True, redirect_stdout=False) as bar:
        task = bar.add_task(what, total=total)
        yield lambda: bar.advance(task)


def summary(message: str, style: str = "dim") -> None:
    """A one-line note for people, on stderr so pipes stay clean; shown as written, not markup."""
    from rich.console import Console
    from rich.text import Text

    # soft_wrap: a line to a file or a pipe stays one line, whatever the width rich assumes
    Console(stderr=True, soft_wrap=True).print(Text(message, style=style))


def note(message: str) -> None:
    """A warning for people on stderr, shown as written."""
    summary(message, style="yellow")


def error(message: str) -> None:
    try:
        sys.stderr.write(f"quotetrack: {message}\n")
    except OSError:  # nobody reads standard error any more (`2>&1 | head`): the run goes on
        pass
