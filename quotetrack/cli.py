"""The command line: glue between typer and the library. Each command parses its options,
calls the library, renders, and turns a QuotetrackError into one line and exit code 1."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    help="quotetrack: who said what, credited to whom, in Bulgarian news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DbOption = Annotated[Path, typer.Option("--db", envvar="QUOTETRACK_DB", help="The store file (TinyDB JSON).")]
RulesOption = Annotated[Optional[Path], typer.Option("--rules", envvar="QUOTETRACK_RULES", help="A folder of your own rule files.")]


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"quotetrack {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    """quotetrack: who said what, credited to whom, in Bulgarian news."""


def _fail(message: str) -> typer.Exit:
    from .render import error

    error(message)
    return typer.Exit(1)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Article files or folders (- reads standard input).")],
    db: DbOption = Path("quotes.json"),
    fmt: Annotated[Format, typer.Option("--format", help="table for a terminal; json, jsonl or csv for pipes.")] = Format.table,
    no_store: Annotated[bool, typer.Option("--no-store", help="Print the statements, store nothing.")] = False,
    glob: Annotated[str, typer.Option("--glob", help="Which files to take from folders.")] = "*.txt",
    rules: RulesOption = None,
) -> None:
    """Find every attributed statement in the articles and store them.

    Example: quotetrack extract article.txt news/ --db quotes.json
    """
    from . import inputs, render
    from .errors import InputError, QuotetrackError
    from .extract import extract_article
    from .rules import load_rules
    from .store import Store

    try:
        ruleset = load_rules(str(rules) if rules else None)
        store = None if no_store else Store(db)
    except QuotetrackError as exc:
        raise _fail(str(exc)) from None
    extractions, failed = [], 0
    for path in inputs.expand(paths, glob):
        try:
            data = typer.get_binary_stream("stdin").read() if path == "-" else None
            doc = inputs.load("<stdin>" if path == "-" else path, data)
            extractions.append(extract_article(doc.text, path=None if path == "-" else path, date=doc.date, rules=ruleset))
        except InputError as exc:
            render.error(str(exc))
            failed += 1
        except Exception as exc:  # a bug of ours: say so in one line, keep the other files
            render.error(f"{path}: could not be extracted ({type(exc).__name__}: {exc}); please report it")
            failed += 1
    stored = unchanged = 0
    if store is not None and extractions:
        try:
            stored, unchanged = store.add(extractions)
        except QuotetrackError as exc:
            raise _fail(str(exc)) from None
    rows = [q.to_dict() for ex in extractions for q in ex.quotes]
    if fmt is Format.table:
        render.quote_table(rows)
        note = f"{len(rows)} statements in {len(extractions)} articles"
        if store is not None:
            note += f"; stored {stored} articles in {db}" + (f", {unchanged} unchanged" if unchanged else "")
        render.summary(f"[dim]{note}[/dim]")
    else:
        render.records(rows, fmt.value)
    if failed:
        raise typer.Exit(1)


def main() -> None:
    app()
