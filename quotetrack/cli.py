"""The command line: glue between typer and the library. Each command parses its options,
calls the library, renders, and turns a QuotetrackError into one line and exit code 1."""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, cast

import typer

from .errors import QuotetrackError

if TYPE_CHECKING:
    from .people import Found

app = typer.Typer(
    help="quotetrack: who said what, credited to whom, in Bulgarian news.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    # plain help: typer's rich help formatter imports rich's markdown stack, which costs
    # --help more than everything else it does (0.12 s of 0.25 s on the bench machine)
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

def _argument_types_unsaid() -> None:
    """typer writes an argument's Python type after its name in help ("PATH <list[str]>"); the
    name and the help say what to give, in the user's words."""
    from typer.core import TyperArgument

    TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]


_argument_types_unsaid()

DbOption = Annotated[str, typer.Option("--db", envvar="QUOTETRACK_DB", metavar="FILE|URL",
                                        help="The store: a TinyDB file, or a postgresql:// URL.")]
RulesOption = Annotated[Optional[Path], typer.Option("--rules", envvar="QUOTETRACK_RULES", help="A folder of your own rule files.")]
AliasesOption = Annotated[Optional[Path], typer.Option(
    "--aliases", envvar="QUOTETRACK_ALIASES", help="A TOML file of name forms that are one person (the format of rules/aliases.toml).")]


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class Kind(str, Enum):
    direct = "direct"
    partial = "partial"
    indirect = "indirect"


BomOption = Annotated[bool, typer.Option("--bom", help="csv: start with a byte-order mark, so that spreadsheets read Cyrillic as UTF-8.")]
FormatOption = Annotated[Format, typer.Option("--format", case_sensitive=False, help="table for a terminal; json, jsonl or csv for pipes.")]


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


@contextmanager
def _errors() -> Iterator[None]:
    """A QuotetrackError inside: one line on stderr and exit 1, whatever the command."""
    try:
        yield
    except QuotetrackError as exc:
        raise _fail(str(exc)) from None


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help="Article files or folders (- reads standard input).")],
    db: DbOption = "quotes.json",
    fmt: FormatOption = Format.table,
    no_store: Annotated[bool, typer.Option("--no-store", help="Print the statements, store nothing.")] = False,
    new_only: Annotated[bool, typer.Option("--new-only", help="Print only the articles this run stored, not the unchanged ones.")] = False,
    glob: Annotated[str, typer.Option("--glob", metavar="PATTERN", help="Which files to take from folders.")] = "*.txt",
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, metavar="N", help="Processes to extract with (default: every core for 64 files or more, else 1).")] = None,
    cluster: Annotated[Optional[str], typer.Option("--cluster", metavar="ADDRESS", envvar="QUOTETRACK_CLUSTER", help="Extract on a Dask cluster: a scheduler's address (tcp://host:8786), or local:N for N processes here.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")] = False,
    bom: BomOption = False,
    rules: RulesOption = None,
) -> None:
    """Find every attributed statement in the articles and store them.

    A file whose text is already stored as its newest version is not extracted again. A file
    that cannot be read is named in one line and the others go on (exit 1 at the end).

    Example: quotetrack extract article.txt news/ --db quotes.json
    """
    from . import render
    from .ingest import Ingest

    with _errors():
        run = Ingest(paths, db=None if no_store else db, glob=glob, jobs=jobs, new_only=new_only, cluster=cluster,
                     rules_dir=str(Path(rules).resolve()) if rules else None, on_error=render.error,
                     stdin=lambda: typer.get_binary_stream("stdin").read())
    lost = False
    try:
        with _errors(), render.progress(0 if quiet else len(run.named), "extracting") as tick:
            rows = run.rows(tick)
            if fmt is Format.table:
                shown = list(rows)
            else:
                try:
                    render.records(rows, fmt.value, bom=bom)
                except OSError as exc:  # `| head` went away, or the output's disk is full
                    if run.store is None:
                        raise
                    lost = _output_lost(exc)
                    run.finish(rows)  # every file is stored all the same
    except KeyboardInterrupt:
        render.error(run.interrupted())
        raise typer.Exit(130) from None
    if fmt is Format.table:
        render.quote_table(shown)
    if not quiet:
        render.summary(run.summary())
    if run.failed or lost:
        raise typer.Exit(1)


def _output_lost(exc: OSError) -> bool:
    """Standard output cannot be written any more: a reader that went away (`| head`) is no
    error; another failure is named once (True). What is still written goes nowhere."""
    import os
    import sys

    from .render import error

    if not isinstance(exc, BrokenPipeError):
        error(f"cannot write the output ({exc.strerror or exc}); storing goes on")
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor behind it (a test's captured output)
        pass
    return not isinstance(exc, BrokenPipeError)


def _open(db: str):
    """The store `--db` names, or one line and exit 1 (no such file, a server out of reach)."""
    from .store import open_store

    with _errors():
        return open_store(db)


def _stored(db: str, rules: Optional[Path], aliases: Optional[Path], *, with_articles: bool = False):
    """The newest version of every stored statement, and the people they resolve to."""
    from .people import build
    from .store.records import newest, slim

    store = _open(db)
    ruleset, extra = _rules_for(rules, aliases)  # loaded once per process (cached)
    with _errors():
        # Records read as the dicts the analysis is typed for (get, [], **), in a third of the memory
        records = cast("list[dict[str, Any]]", slim(store.current()))
        people = build(records, ruleset, extra)
        if with_articles:  # and the store's texts, fetched a batch at a time as they are read
            latest = newest(store.articles())
            by_id = {a["id"]: a for a in latest}

            def texts(ids):
                with _errors():
                    return store.texts([by_id[i] for i in ids if i in by_id])

            return latest, records, people, ruleset, texts
    return records, people, ruleset


def _indexed(db: str, rules: Optional[Path], aliases: Optional[Path]):
    """The store's speaker index when it matches the store and the rules, else None (the
    caller then reads the whole store)."""
    from . import index

    store = _open(db)
    ruleset, extra = _rules_for(rules, aliases)
    with _errors():
        return index.load(store, ruleset, extra), ruleset


def _rules_for(rules: Optional[Path], aliases: Optional[Path]):
    """The rules and the user's aliases for a command that reads an existing store."""
    from .rules import load_aliases, load_rules

    with _errors():
        return load_rules(str(rules) if rules else None), (load_aliases(aliases) if aliases else None)


def _shown(db: str) -> str:
    """How a store is named in a summary or a page title: a URL without its password."""
    from .store import describe

    return describe(db)


def _bad_option(message: str) -> typer.Exit:
    """A bad option value: one line and exit 2, like every usage mistake typer finds itself."""
    from .render import error

    error(message)
    return typer.Exit(2)


def _filters(**given):
    """The query filters of a command, a bad value refused as a usage mistake (exit 2)."""
    from .query import Filters, day

    try:
        since, until = given.pop("since", None), given.pop("until", None)
        return Filters(since=day(since) if since else None, until=day(until, end=True, option="--until") if until else None,
                       **given)
    except QuotetrackError as exc:
        raise _bad_option(str(exc)) from None


@app.command()
def speakers(
    db: DbOption = "quotes.json",
    fmt: FormatOption = Format.table,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, metavar="N", help="Show the first N speakers only.")] = None,
    min_count: Annotated[int, typer.Option("--min", min=1, metavar="N", help="Only speakers with at least N statements.")] = 1,
    bom: BomOption = False,
    rules: RulesOption = None,
    aliases: AliasesOption = None,
) -> None:
    """Everyone the stored articles quote, one row per person, most statements first.

    Example: quotetrack speakers --min 3 --format json
    """
    from . import render

    idx, _ = _indexed(db, rules, aliases)
    if idx is not None:
        everyone = [{k: v for k, v in row.items() if k not in ("names", "at")} for row in idx.rows]
    else:
        everyone = [s.to_dict() for s in _stored(db, rules, aliases)[1].ranked()]
    rows = [r for r in everyone if r["count"] >= min_count][:limit]
    if fmt is Format.table:
        render.speaker_table(rows)
        render.summary(f"{len(rows)} of {len(everyone)} speakers in {_shown(db)}")
    else:
        render.records(rows, fmt.value, fields=render.SPEAKER_FIELDS, bom=bom)


@app.command()
def quotes(
    speaker: Annotated[Optional[str], typer.Option("--speaker", "-s", help="Any form of a name: путин, Putin, \"В. Путин\".")] = None,
    agency: Annotated[Optional[str], typer.Option("--agency", help="The article's credit: БТА, BTA, БГНЕС...")] = None,
    source: Annotated[Optional[str], typer.Option("--source", help="The medium a statement is credited to: Ройтерс, Reuters...")] = None,
    kind: Annotated[Optional[list[Kind]], typer.Option("--kind", case_sensitive=False, help="direct, partial or indirect (repeat for more).")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Articles dated on or after: YYYY-MM-DD, YYYY-MM or YYYY.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Articles dated on or before.")] = None,
    path: Annotated[Optional[str], typer.Option("--path", help="A stored file, a folder above files, or a glob.")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, metavar="N", help="Show the first N statements only.")] = None,
    db: DbOption = "quotes.json",
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
    rules: RulesOption = None,
    aliases: AliasesOption = None,
) -> None:
    """The stored statements, newest article first; filters narrow them.

    Example: quotetrack quotes --speaker "Vladimir Putin" --since 2024-01-01 --kind direct
    """
    from . import render
    from .query import path_matches, select, select_indexed

    filters = _filters(speaker=speaker, agency=agency, source=source, kinds=tuple(k.value for k in kind or ()),
                       since=since, until=until, path=path)
    idx, ruleset = _indexed(db, rules, aliases) if speaker is not None else (None, None)
    found: Found | None
    if idx is not None and ruleset is not None:  # one speaker's statements: their line of the index, not the whole store
        rows, found = select_indexed(idx, filters, ruleset)
    else:
        records, people, ruleset = _stored(db, rules, aliases)
        rows, found = select(records, filters, people, ruleset)
        if path is not None and not rows and not any(path_matches(r, path) for r in records):
            raise _fail(f"quotes: no stored article matches --path {path!r}")  # a typo, not an empty answer
    if found is not None:
        if not found.speakers:
            raise _fail(f"no speaker in {_shown(db)} is named like {speaker!r} (try `quotetrack speakers`)")
        names = ", ".join(s.name for s in found.speakers)
        if found.how == "fuzzy":
            render.note(f"no speaker is named {speaker!r}; showing the closest: {names} ({found.score:g}% alike)")
        elif found.how == "variant" or len(found.speakers) > 1:
            render.note(f"{speaker!r} matches {names}")
    total = len(rows)
    rows = rows[:limit]
    if fmt is Format.table:
        render.quote_table(rows)
        shown = f"{len(rows)} of {total}" if len(rows) < total else f"{total}"
        render.summary(f"{shown} statements in {len({r['article_id'] for r in rows})} articles")
    else:
        render.records(rows, fmt.value, fields=render.QUOTE_FIELDS + ("person",), bom=bom)


class Severity(str, Enum):
    low = "low"
    medium = "medium"
    high = "high"


class ReportFormat(str, Enum):
    table = "table"
    json = "json"


class PageFormat(str, Enum):
    table = "table"
    json = "json"
    html = "html"


ReportFormatOption = Annotated[ReportFormat, typer.Option("--format", case_sensitive=False, help="table for a terminal; json for pipes.")]
AllOption = Annotated[bool, typer.Option("--all", help="Show unchanged statements too.")]


@app.command()
def audit(
    path: Annotated[Optional[str], typer.Option("--path", help="Audit these stored files only: a file, a folder above files, or a glob.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Articles dated on or after: YYYY-MM-DD, YYYY-MM or YYYY.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Articles dated on or before.")] = None,
    fail_on: Annotated[Optional[Severity], typer.Option("--fail-on", case_sensitive=False, help="Exit 1 if a finding of this severity or higher exists.")] = None,
    min_confidence: Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Leave out findings less sure than this (0-1): 0.8 keeps what both sides' clauses name outright.")] = 0.0,
    db: DbOption = "quotes.json",
    fmt: Annotated[PageFormat, typer.Option("--format", case_sensitive=False, help="table for a terminal; json for pipes and CI; html for a browser.")] = PageFormat.table,
    rules: RulesOption = None,
    aliases: AliasesOption = None,
) -> None:
    """Attribution problems worth a look, most serious first, then a summary per agency.

    Finds unattributed quotes, vague sources, statements credited to different people or media
    in different articles, uncredited wire copies and altered quotes. The chosen articles are
    compared against everything stored. Each finding has a confidence (0-1) read from its
    evidence: how each side is attributed (a name in the reporting clause, a role, a pronoun),
    how alike the statements and the text around them are. Severity never exceeds what the
    confidence allows.

    Example: quotetrack audit --path today/ --format json --fail-on high --min-confidence 0.8
    """
    import json as _json

    from . import render
    from .audit import audit as run_audit, rank
    from .query import in_scope

    filters = _filters(since=since, until=until, path=path)
    articles, records, people, ruleset, texts = _stored(db, rules, aliases, with_articles=True)
    scoped = path is not None or filters.since is not None or filters.until is not None
    scope = {a["id"] for a in articles if in_scope(a, filters)} if scoped else None
    if scope is not None and not scope:  # a mistyped --path must not pass a CI check silently
        raise _fail("audit: no stored article matches --path/--since/--until")
    report = run_audit(articles, records, people, ruleset, scope, min_confidence=min_confidence, texts=texts)
    if fmt is PageFormat.json:
        typer.echo(_json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    elif fmt is PageFormat.html:
        from .report import render_audit

        typer.echo(render_audit(report.to_dict(), title=f"audit of {_shown(db)}"), nl=False)
    else:
        render.audit_report(report.to_dict())
    worst = report.worst()
    if fail_on is not None and worst is not None and rank(worst) >= rank(fail_on.value):
        raise typer.Exit(1)


def _one_article(arg: str, label: str, db: str, ruleset, stored: tuple | None):
    """A side of `diff`: a file (read and extracted now, stored or not), or a stored article by
    id or by its stored path (its newest version). Returns (name, records)."""
    from . import inputs
    from .errors import InputError
    from .engine.extract import extract_article
    from .query import path_matches
    from .store.records import current, newest

    if Path(arg).is_file():
        try:
            doc = inputs.load(arg)
        except InputError as exc:
            raise _fail(f"{label}: {exc}") from None
        ex = extract_article(doc.text, path=arg, date=doc.date, rules=ruleset)
        return arg, [q.to_dict() for q in ex.quotes]
    if stored is None:
        raise _fail(f"{label}: {arg!r} is neither a file nor a stored article (no store at {_shown(db)})")
    articles, store = stored
    hits = [a for a in articles if isinstance(a, dict) and (a.get("id") == arg or (len(arg) >= 6 and str(a.get("id", "")).startswith(arg)))]
    if not hits:
        hits = [a for a in newest(articles) if path_matches(a, arg) and not Path(arg).is_dir()]
    if len(hits) != 1:
        what = "matches several stored articles" if hits else "is neither a file nor a stored article id or path"
        raise _fail(f"{label}: {arg!r} {what}")
    article = hits[0]
    with _errors():  # only this article's statements are read, with the checks of any read
        records = list(current([{**article, "version": 1}], store.statements_of([article["id"]])))
    return article.get("path") or article["id"], sorted(records, key=lambda r: r["start"])


def _read_store(db: str):
    """Every stored article and the store (for the statements of the few `diff` reads); None
    when there is no store file (yet)."""
    from .store import is_url

    if not is_url(db) and not Path(db).exists():
        return None
    store = _open(db)
    with _errors():
        return store.articles(), store


@app.command()
def diff(
    a: Annotated[Optional[str], typer.Argument(metavar="A", help="The older article: a file, or a stored article id or path.")] = None,
    b: Annotated[Optional[str], typer.Argument(metavar="B", help="The newer article.")] = None,
    speaker: Annotated[Optional[str], typer.Option("--speaker", "-s", help="Instead: one person's statements as different articles carried them.")] = None,
    show_all: AllOption = False,
    db: DbOption = "quotes.json",
    fmt: Annotated[PageFormat, typer.Option("--format", case_sensitive=False, help="table for a terminal; json for pipes; html for a browser (two articles).")] = PageFormat.table,
    rules: RulesOption = None,
    aliases: AliasesOption = None,
) -> None:
    """Statement by statement, what changed between two articles: words, speaker, credit.

    Example: quotetrack diff wire.txt site.txt; quotetrack diff --speaker путин
    """
    import json as _json

    from . import render
    from .diff import diff as align, speaker_versions
    from .people import build
    from .rules import load_aliases, load_rules

    if speaker is not None:
        if a is not None or b is not None:
            raise _fail("diff: give two articles, or --speaker, not both")
        if fmt is PageFormat.html:
            raise _bad_option("diff --speaker: --format html shows two articles; use table or json here")
        _filters(speaker=speaker)  # refuses a query that names nothing
        records, people, ruleset = _stored(db, rules, aliases)
        found = speaker_versions(records, people, speaker)
        if found is None:
            raise _fail(f"no speaker in {_shown(db)} is named like {speaker!r} (try `quotetrack speakers`)")
        names, count, groups = found
        if fmt is PageFormat.json:
            typer.echo(_json.dumps({"speaker": names, "statements": count, "clusters": groups}, ensure_ascii=False, indent=1))
        else:
            render.speaker_versions(names, count, groups)
        return
    if a is None or b is None:
        raise _fail("diff: give two articles (files, stored ids or stored paths), or --speaker NAME")
    with _errors():
        ruleset = load_rules(str(rules) if rules else None)
        extra = load_aliases(aliases) if aliases else None
    stored = _read_store(db) if not (Path(a).is_file() and Path(b).is_file()) else None
    name_a, ra = _one_article(a, "A", db, ruleset, stored)
    name_b, rb = _one_article(b, "B", db, ruleset, stored)
    with _errors():
        people = build(ra + rb, ruleset, extra)
    result = align(ra, rb, people)
    if fmt is PageFormat.json:
        typer.echo(_json.dumps({"a": name_a, "b": name_b, **result.to_dict()}, ensure_ascii=False, indent=1))
    elif fmt is PageFormat.html:
        from .report import render_diff

        typer.echo(render_diff(name_a, name_b, result.to_dict(), show_all=show_all), nl=False)
    else:
        render.diff_view(name_a, name_b, result.to_dict(), show_all=show_all)


@app.command()
def history(
    path: Annotated[str, typer.Argument(metavar="PATH", help="A stored article's path.")],
    show_all: AllOption = False,
    db: DbOption = "quotes.json",
    fmt: ReportFormatOption = ReportFormat.table,
    rules: RulesOption = None,
    aliases: AliasesOption = None,
) -> None:
    """The stored versions of one article, each diffed with the one before.

    Example: quotetrack history news/article.txt
    """
    import json as _json

    from . import render
    from .diff import history as versions_of
    from .people import build

    store = _open(db)
    ruleset, extra = _rules_for(rules, aliases)
    with _errors():
        result = versions_of(store.articles(), store.statements_of, path, lambda records: build(records, ruleset, extra))
    if fmt is ReportFormat.json:
        typer.echo(_json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        render.history_view(result.path, result.versions, result.steps, show_all=show_all)


@app.command()
def report(
    out: Annotated[Path, typer.Option("--out", "-o", metavar="FILE", help="The HTML page to write (an existing file is replaced whole).")],
    since: Annotated[Optional[str], typer.Option("--since", help="Articles dated on or after: YYYY-MM-DD, YYYY-MM or YYYY.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Articles dated on or before.")] = None,
    agency: Annotated[Optional[str], typer.Option("--agency", help="Articles credited to this agency: БТА, BTA, БГНЕС...")] = None,
    path: Annotated[Optional[str], typer.Option("--path", help="These stored files only: a file, a folder above files, or a glob.")] = None,
    db: DbOption = "quotes.json",
    rules: RulesOption = None,
    aliases: AliasesOption = None,
) -> None:
    """One HTML page of the store to open in a browser: an overview and timeline, the audit's
    findings with the changed words marked, a section per speaker, the source chains as a
    graph, and a search box. The page holds everything it shows and makes no request off the
    machine. The filters narrow it; the audit still compares against the whole store.

    Example: quotetrack report --since 2024-11 --agency БТА --out nov.html
    """
    from datetime import datetime

    from . import render
    from .report import report_page, write_page

    filters = _filters(since=since, until=until, agency=agency, path=path)
    articles, records, people, ruleset, texts = _stored(db, rules, aliases, with_articles=True)
    with _errors():
        page = report_page(articles, records, people, ruleset, filters, texts=texts, title=_shown(db),
                           generated=datetime.now().strftime("%Y-%m-%d %H:%M"))
        size = write_page(out, page.chunks)
    render.summary(page.summary(out, size))


@app.command()
def export(
    sqlite: Annotated[Path, typer.Option("--sqlite", metavar="FILE", help="The SQLite database to write (an existing one is replaced whole).")],
    db: DbOption = "quotes.json",
    rules: RulesOption = None,
    aliases: AliasesOption = None,
) -> None:
    """Write the store to a SQLite database, for Datasette or any SQL client.

    Tables: articles (the newest version of each), quotes (the statements `quotes --format json`
    lists, each with its person) and quotes_fts (full-text search on the statements).

    Example: quotetrack export --sqlite quotes.db && datasette quotes.db
    """
    from . import render
    from .export import export_sqlite
    from .people import build
    from .store.records import slim

    store = _open(db)
    ruleset, extra = _rules_for(rules, aliases)
    with _errors():
        records = cast("list[dict[str, Any]]", slim(store.current()))  # read like dicts, a third of the memory
        done = export_sqlite(store.articles(), records, build(records, ruleset, extra), sqlite, rules=ruleset)
    render.summary(done.summary())


# typer words a bad value as its validation library does; a user reads plain words
PLAIN = (
    (re.compile(r"Value error, "), ""),
    (re.compile(r"Input should be greater than or equal to (\d+)"), r"must be \1 or more"),
    (re.compile(r"Input should be less than or equal to (\d+)"), r"must be \1 or less"),
    (re.compile(r"Input should be a valid integer[^.']*"), "must be a whole number"),
    (re.compile(r"Input should be a valid number[^.']*"), "must be a number"),
)


def _plain(message: str) -> str:
    for pattern, replacement in PLAIN:
        message = pattern.sub(replacement, message)
    return message


def main() -> None:
    """The console script: a usage mistake is one line too (exit 2), like every other error."""
    import gc
    import sys

    # a short-lived process that builds large acyclic structures (a store's records): the
    # cyclic collector only rescans them, at up to a third of a query's time
    gc.disable()

    try:
        code = typer.main.get_command(app).main(standalone_mode=False)
    except typer.TyperException as exc:
        from .render import error

        if type(exc).__name__ == "NoArgsIsHelpError":  # a bare `quotetrack`: usage and commands, as --help shows them
            sys.stderr.write(exc.format_message().rstrip() + "\n")
            sys.exit(2)

        message = _plain(exc.format_message().replace("\n", " ").strip())
        if message:
            ctx = getattr(exc, "ctx", None)  # usage errors carry the command they are about; others do not
            hint = f" (see {ctx.command_path} --help)" if ctx is not None else ""
            error(message + hint)
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):  # Ctrl-C in a command that only reads: nothing to undo
        from .render import error

        error("interrupted")
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
