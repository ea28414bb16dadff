"""Output for people (rich) and for pipes (json, jsonl, csv). The only module that imports rich."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

QUOTE_FIELDS = ("article_id", "path", "title", "date", "agency", "kind", "text", "speaker",
                "speaker_mention", "role", "verb", "verb_lemma", "source", "via", "start", "end")
SPEAKER_FIELDS = ("name", "kind", "count", "direct", "partial", "indirect", "articles", "roles", "aliases",
                  "first_date", "last_date", "agencies", "sources")


def records(rows: Iterable[dict[str, Any]], fmt: str, *, fields: Sequence[str] = QUOTE_FIELDS,
            out: TextIO | None = None) -> None:
    """Write rows as json (one list), jsonl (one object a line) or csv."""
    out = out or sys.stdout
    if fmt == "json":
        json.dump(list(rows), out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(fields), extrasaction="ignore")
        writer.writeheader()
        for row in rows:  # lists (roles, aliases) as one cell
            writer.writerow({k: "; ".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()})
    else:
        raise ValueError(fmt)


def quote_table(rows: Sequence[dict[str, Any]], *, title: str = "Statements") -> None:
    """A table of statements grouped by article, for a terminal."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not rows:
        console.print("[dim]No statements found.[/dim]")
        return
    by_article: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_article.setdefault(row.get("path") or row.get("article_id") or "-", []).append(row)
    for path, items in by_article.items():
        first = items[0]
        head = f"[bold]{first.get('title') or path}[/bold]"
        meta = " · ".join(x for x in (path, first.get("date"), first.get("agency")) if x)
        table = Table(title=f"{head}\n[dim]{meta}[/dim]", title_justify="left", show_lines=False, expand=True)
        table.add_column("kind", style="cyan", no_wrap=True)
        table.add_column("speaker", style="bold")
        table.add_column("verb", style="magenta")
        table.add_column("source", style="green")
        table.add_column("statement", ratio=3)
        for q in items:
            speaker = q.get("person") or q.get("speaker") or "[red]unattributed[/red]"
            table.add_row(q["kind"], speaker, q.get("verb") or "", q.get("source") or "", q["text"])
        console.print(table)


def speaker_table(rows: Sequence[dict[str, Any]]) -> None:
    """One row per speaker: how much they said, where, in which roles, credited to whom."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console()
    if not rows:
        console.print("[dim]No speakers stored.[/dim]")
        return
    table = Table(title="Speakers", title_justify="left", expand=True)
    table.add_column("speaker (also named)", ratio=3)
    table.add_column("said", justify="right", no_wrap=True)
    table.add_column("d/p/i", justify="right", style="cyan", no_wrap=True)
    table.add_column("art.", justify="right", no_wrap=True)
    table.add_column("roles", style="magenta", ratio=1)
    table.add_column("dates", no_wrap=True)
    table.add_column("carried by", style="green", ratio=1)
    for r in rows:
        name = f"[bold]{escape(r['name'])}[/bold]" + (f" [dim]({r['kind']})[/dim]" if r["kind"] not in ("person", "name") else "")
        if r["aliases"]:
            shortest = sorted(r["aliases"], key=len)[:3]
            name += "\n[dim]" + escape(", ".join(shortest)) + ("…" if len(r["aliases"]) > 3 else "") + "[/dim]"
        dates = r["first_date"] if r["first_date"] == r["last_date"] else f"{r['first_date'] or '?'}…{r['last_date'] or '?'}"
        carriers = list(dict.fromkeys(r["agencies"] + r["sources"]))
        table.add_row(name, str(r["count"]), f"{r['direct']}/{r['partial']}/{r['indirect']}", str(r["articles"]),
                      escape(", ".join(r["roles"][:2])), dates or "", escape(", ".join(carriers[:3])))
    console.print(table)


def summary(message: str) -> None:
    """A one-line note for people, on stderr so pipes stay clean."""
    from rich.console import Console

    Console(stderr=True).print(message)


def error(message: str) -> None:
    sys.stderr.write(f"quotetrack: {message}\n")
