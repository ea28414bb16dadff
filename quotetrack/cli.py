"""The command line: glue between typer and the library. Each command parses its options,
calls the library, renders, and turns a QuotetrackError into one line and exit code 1."""
from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .errors import QuotetrackError

if TYPE_CHECKING:
    from .models import Extraction

app = typer.Typer(
    help="quotetrack: who said what, credited to whom, in Bulgarian news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # plain help: typer's rich help formatter imports rich's markdown stack, which costs
    # --help more than everything else it does (0.12 s of 0.25 s on the bench machine)
    rich_markup_mode=None,
)

DbOption = Annotated[Path, typer.Option("--db", envvar="QUOTETRACK_DB", help="The store file (TinyDB JSON).")]
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


FormatOption = Annotated[Format, typer.Option("--format", help="table for a terminal; json, jsonl or csv for pipes.")]


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
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help="Article files or folders (- reads standard input).")],
    db: DbOption = Path("quotes.json"),
    fmt: FormatOption = Format.table,
    no_store: Annotated[bool, typer.Option("--no-store", help="Print the statements, store nothing.")] = False,
    glob: Annotated[str, typer.Option("--glob", help="Which files to take from folders.")] = "*.txt",
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Processes to extract with (default: every core for 64 files or more, else 1).")] = None,
    rules: RulesOption = None,
) -> None:
    """Find every attributed statement in the articles and store them.

    A file whose text is already stored as its newest version is not extracted again.

    Example: quotetrack extract article.txt news/ --db quotes.json
    """
    import os

    from . import batch, index, inputs, render
    from .errors import InputError
    from .engine.extract import extract_article
    from .rules import load_rules
    from .store import Store

    try:
        rules_dir = str(Path(rules).resolve()) if rules else None
        ruleset = load_rules(rules_dir)
        store = None if no_store else Store(db)
        newest = store.newest() if store is not None else {}
    except QuotetrackError as exc:
        raise _fail(str(exc)) from None
    files = list(inputs.expand(paths, glob))
    named = [f for f in files if f != "-"]
    failed = 0

    def outcomes(tick) -> Iterator["Extraction | bytes | str"]:
        """Each input in order: its extraction (its rows pickled, when storing), or the id of
        its stored version when unchanged."""
        nonlocal failed
        if "-" in files:
            try:
                doc = inputs.load("<stdin>", typer.get_binary_stream("stdin").read())
                yield extract_article(doc.text, date=doc.date, rules=ruleset)
            except InputError as exc:
                render.error(str(exc))
                failed += 1
        known = {loc: sha for loc, (sha, _) in newest.items()}
        for outcome in batch.run(named, known=known, rules_dir=rules_dir, jobs=jobs or batch.default_jobs(len(named)), tick=tick,
                                 packed=store is not None):
            if outcome.error:
                render.error(outcome.error)
                failed += 1
            elif outcome.unchanged:
                yield newest[os.path.abspath(outcome.path)][1]
            else:
                yield outcome.packed if outcome.packed is not None else outcome.extraction

    if store is None:  # nothing to look up or store: the statements stream straight out
        articles = 0
        with render.progress(len(named), "extracting") as tick:
            def rows() -> Iterator[dict]:
                nonlocal articles
                for ex in outcomes(tick):
                    articles += 1
                    yield from (q.to_dict() for q in ex.quotes)  # type: ignore[union-attr]

            if fmt is not Format.table:
                render.records(rows(), fmt.value)
            else:
                shown = list(rows())
        if fmt is Format.table:
            render.quote_table(shown)
            render.summary(f"{len(shown)} statements in {articles} articles")
        if failed:
            raise typer.Exit(1)
        return

    # Extract first, into a spool beside the store, then store under the lock: another writer
    # waits only for the storing, and memory holds one extraction at a time however many files.
    with batch.Spool(db.resolve().parent) as spool:
        order: list = []  # a spooled extraction's span, or a stored article id
        with render.progress(len(named), "extracting") as tick:
            for item in outcomes(tick):
                if isinstance(item, bytes):
                    order.append(spool.put_pickled(item))
                else:
                    order.append(item if isinstance(item, str) else spool.put(item.rows()))
        reused = [item for item in order if isinstance(item, str)]
        new = [item for item in order if not isinstance(item, str)]
        stored = 0
        try:
            if new or (reused and index.load(db, ruleset, None) is None):
                # unchanged files store nothing, but an index that does not match the store is rebuilt
                stored, _ = store.add(map(spool.get, new), index_rules=ruleset)
            # unchanged files give their stored statements, so the output is the same either way
            found = batch.stored_rows(store, set(reused), spool)
        except QuotetrackError as exc:
            raise _fail(str(exc)) from None

        def rows() -> Iterator[dict]:
            for item in order:
                if isinstance(item, str):
                    yield from sorted((r for span in found.get(item, ()) for r in spool.get(span)), key=lambda r: r.get("start", 0))
                else:
                    yield from spool.get(item)[1]

        if fmt is Format.table:
            shown = list(rows())
            render.quote_table(shown)
            note = f"{len(shown)} statements in {len(order)} articles; stored {stored} articles in {db}"
            render.summary(note + (f", {len(reused)} unchanged" if reused else ""))
        else:
            render.records(rows(), fmt.value)
    if failed:
        raise typer.Exit(1)


def _stored(db: Path, rules: Optional[Path], aliases: Optional[Path], *, with_articles: bool = False):
    """The newest version of every stored statement, and the people they resolve to."""
    from .people import build
    from .query import current, newest
    from .store import Store

    ruleset, extra = _rules_for(db, rules, aliases)  # loaded once per process (cached)
    try:
        store = Store(db)
        articles, quotes = store.snapshot()
        records = current(articles, quotes)
        people = build(records, ruleset, extra)
        if with_articles:  # with their texts, from the pack beside the store
            latest = newest(articles)
            texts = store.texts(latest)
            return [{**a, "text": texts.get(a["id"], "")} for a in latest], records, people, ruleset
    except QuotetrackError as exc:
        raise _fail(str(exc)) from None
    return records, people, ruleset


def _indexed(db: Path, rules: Optional[Path], aliases: Optional[Path]):
    """The store's sidecar index when it matches the store and the rules, else None (the
    caller then reads the whole store)."""
    from . import index

    ruleset, extra = _rules_for(db, rules, aliases)
    return index.load(db, ruleset, extra), ruleset


def _rules_for(db: Path, rules: Optional[Path], aliases: Optional[Path]):
    """The rules and the user's aliases for a command that reads an existing store."""
    from .rules import load_aliases, load_rules

    if not db.exists():
        raise _fail(f"{db}: no store here yet (run `quotetrack extract FILES --db {db}` first)")
    try:
        return load_rules(str(rules) if rules else None), (load_aliases(aliases) if aliases else None)
    except QuotetrackError as exc:
        raise _fail(str(exc)) from None


def _dates(since: Optional[str], until: Optional[str]):
    from .query import day

    try:
        return (day(since) if since else None), (day(until, end=True, option="--until") if until else None)
    except QuotetrackError as exc:
        raise _fail(str(exc)) from None


@app.command()
def speakers(
    db: DbOption = Path("quotes.json"),
    fmt: FormatOption = Format.table,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Show the first N speakers only.")] = None,
    min_count: Annotated[int, typer.Option("--min", min=1, help="Only speakers with at least N statements.")] = 1,
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
        render.summary(f"{len(rows)} of {len(everyone)} speakers in {db}")
    else:
        render.records(rows, fmt.value, fields=render.SPEAKER_FIELDS)


@app.command()
def quotes(
    speaker: Annotated[Optional[str], typer.Option("--speaker", "-s", help="Any form of a name: путин, Putin, \"В. Путин\".")] = None,
    agency: Annotated[Optional[str], typer.Option("--agency", help="The article's credit: БТА, BTA, БГНЕС...")] = None,
    source: Annotated[Optional[str], typer.Option("--source", help="The medium a statement is credited to: Ройтерс, Reuters...")] = None,
    kind: Annotated[Optional[list[Kind]], typer.Option("--kind", help="direct, partial or indirect (repeat for more).")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Articles dated on or after: YYYY-MM-DD, YYYY-MM or YYYY.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Articles dated on or before.")] = None,
    path: Annotated[Optional[str], typer.Option("--path", help="A stored file, a folder above files, or a glob.")] = None,
    db: DbOption = Path("quotes.json"),
    fmt: FormatOption = Format.table,
    rules: RulesOption = None,
    aliases: AliasesOption = None,
) -> None:
    """The stored statements, newest article first; filters narrow them.

    Example: quotetrack quotes --speaker "Vladimir Putin" --since 2024-01-01 --kind direct
    """
    from . import render
    from .query import Filters, select, select_indexed

    first, last = _dates(since, until)
    try:
        filters = Filters(speaker=speaker, agency=agency, source=source, kinds=tuple(k.value for k in kind or ()),
                          since=first, until=last, path=path)
    except QuotetrackError as exc:
        raise _fail(str(exc)) from None
    idx, ruleset = _indexed(db, rules, aliases) if speaker is not None else (None, None)
    if idx is not None:  # one speaker's statements: their line of the index, not the whole store
        rows, found = select_indexed(idx, filters, ruleset)
    else:
        records, people, ruleset = _stored(db, rules, aliases)
        rows, found = select(records, filters, people, ruleset)
    if found is not None:
        if not found.speakers:
            raise _fail(f"no speaker in {db} is named like {speaker!r} (try `quotetrack speakers`)")
        names = ", ".join(s.name for s in found.speakers)
        if found.how == "fuzzy":
            render.note(f"no speaker is named {speaker!r}; showing the closest: {names} ({found.score:g}% alike)")
        elif found.how == "variant" or len(found.speakers) > 1:
            render.note(f"{speaker!r} matches {names}")
    if fmt is Format.table:
        render.quote_table(rows)
        render.summary(f"{len(rows)} statements in {len({r['article_id'] for r in rows})} articles")
    else:
        render.records(rows, fmt.value, fields=render.QUOTE_FIELDS + ("person",))


class Severity(str, Enum):
    low = "low"
    medium = "medium"
    high = "high"


class ReportFormat(str, Enum):
    table = "table"
    json = "json"


ReportFormatOption = Annotated[ReportFormat, typer.Option("--format", help="table for a terminal; json for pipes.")]
AllOption = Annotated[bool, typer.Option("--all", help="Show unchanged statements too.")]


@app.command()
def audit(
    path: Annotated[Optional[str], typer.Option("--path", help="Audit these stored files only: a file, a folder above files, or a glob.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Articles dated on or after: YYYY-MM-DD, YYYY-MM or YYYY.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Articles dated on or before.")] = None,
    fail_on: Annotated[Optional[Severity], typer.Option("--fail-on", help="Exit 1 if a finding of this severity or higher exists.")] = None,
    db: DbOption = Path("quotes.json"),
    fmt: Annotated[ReportFormat, typer.Option("--format", help="table for a terminal; json for pipes and CI.")] = ReportFormat.table,
    rules: RulesOption = None,
    aliases: AliasesOption = None,
) -> None:
    """Attribution problems worth a look, most serious first, then a summary per agency.

    Finds unattributed quotes, vague sources, statements credited to different people or media
    in different articles, uncredited wire copies and altered quotes. The chosen articles are
    compared against everything stored.

    Example: quotetrack audit --path today/ --format json --fail-on high
    """
    import json as _json

    from . import render
    from .audit import audit as run_audit, rank
    from .query import Filters, in_scope

    articles, records, people, ruleset = _stored(db, rules, aliases, with_articles=True)
    first, last = _dates(since, until)
    try:
        filters = Filters(since=first, until=last, path=path)
    except QuotetrackError as exc:
        raise _fail(str(exc)) from None
    scoped = path is not None or first is not None or last is not None
    scope = {a["id"] for a in articles if in_scope(a, filters)} if scoped else None
    if scope is not None and not scope:  # a mistyped --path must not pass a CI check silently
        raise _fail("audit: no stored article matches --path/--since/--until")
    report = run_audit(articles, records, people, ruleset, scope)
    if fmt is ReportFormat.json:
        typer.echo(_json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        render.audit_report(report.to_dict())
    if fail_on is not None and report.worst() is not None and rank(report.worst()) >= rank(fail_on.value):
        raise typer.Exit(1)


def _one_article(arg: str, label: str, db: Path, ruleset, stored: list | None):
    """A side of `diff`: a file (read and extracted now, stored or not), or a stored article by
    id or by its stored path (its newest version). Returns (name, records)."""
    from . import inputs
    from .errors import InputError
    from .engine.extract import extract_article
    from .query import current, newest, path_matches

    if Path(arg).is_file():
        try:
            doc = inputs.load(arg)
        except InputError as exc:
            raise _fail(f"{label}: {exc}") from None
        ex = extract_article(doc.text, path=arg, date=doc.date, rules=ruleset)
        return arg, [q.to_dict() for q in ex.quotes]
    if stored is None:
        raise _fail(f"{label}: {arg!r} is neither a file nor a stored article (no store at {db})")
    articles, quotes = stored
    hits = [a for a in articles if isinstance(a, dict) and (a.get("id") == arg or (len(arg) >= 6 and str(a.get("id", "")).startswith(arg)))]
    if not hits:
        hits = [a for a in newest(articles) if path_matches(a, arg) and not Path(arg).is_dir()]
    if len(hits) != 1:
        what = "matches several stored articles" if hits else "is neither a file nor a stored article id or path"
        raise _fail(f"{label}: {arg!r} {what}")
    article = hits[0]
    records = [q for q in current([{**article, "version": 1}], quotes)]  # the checks of any read
    return article.get("path") or article["id"], sorted(records, key=lambda r: r["start"])


def _read_store(db: Path):
    from .store import Store

    if not db.exists():
        return None
    try:
        return Store(db).snapshot()
    except QuotetrackError as exc:
        raise _fail(str(exc)) from None


@app.command()
def diff(
    a: Annotated[Optional[str], typer.Argument(help="The older article: a file, or a stored article id or path.")] = None,
    b: Annotated[Optional[str], typer.Argument(help="The newer article.")] = None,
    speaker: Annotated[Optional[str], typer.Option("--speaker", "-s", help="Instead: one person's statements as different articles carried them.")] = None,
    show_all: AllOption = False,
    db: DbOption = Path("quotes.json"),
    fmt: ReportFormatOption = ReportFormat.table,
    rules: RulesOption = None,
    aliases: AliasesOption = None,
) -> None:
    """Statement by statement, what changed between two articles: words, speaker, credit.

    Example: quotetrack diff wire.txt site.txt; quotetrack diff --speaker путин
    """
    import json as _json

    from . import render
    from .diff import diff as align, versions
    from .people import build
    from .query import Filters
    from .rules import load_aliases, load_rules

    if speaker is not None:
        if a is not None or b is not None:
            raise _fail("diff: give two articles, or --speaker, not both")
        records, people, ruleset = _stored(db, rules, aliases)
        try:
            Filters(speaker=speaker)  # refuses a query that names nothing
        except QuotetrackError as exc:
            raise _fail(str(exc)) from None
        found = people.find(speaker)
        if not found.speakers:
            raise _fail(f"no speaker in {db} is named like {speaker!r} (try `quotetrack speakers`)")
        wanted = {id(s) for s in found.speakers}
        indexes = [i for i in range(len(records)) if people.of(i) is not None and id(people.of(i)) in wanted]
        groups = versions(records, indexes)
        names = [s.name for s in found.speakers]
        if fmt is ReportFormat.json:
            typer.echo(_json.dumps({"speaker": names, "statements": len(indexes), "clusters": groups}, ensure_ascii=False, indent=1))
        else:
            render.speaker_versions(names, len(indexes), groups)
        return
    if a is None or b is None:
        raise _fail("diff: give two articles (files, stored ids or stored paths), or --speaker NAME")
    try:
        ruleset = load_rules(str(rules) if rules else None)
        extra = load_aliases(aliases) if aliases else None
    except QuotetrackError as exc:
        raise _fail(str(exc)) from None
    stored = _read_store(db) if not (Path(a).is_file() and Path(b).is_file()) else None
    name_a, ra = _one_article(a, "A", db, ruleset, stored)
    name_b, rb = _one_article(b, "B", db, ruleset, stored)
    try:
        people = build(ra + rb, ruleset, extra)
    except QuotetrackError as exc:
        raise _fail(str(exc)) from None
    result = align(ra, rb, people)
    if fmt is ReportFormat.json:
        typer.echo(_json.dumps({"a": name_a, "b": name_b, **result.to_dict()}, ensure_ascii=False, indent=1))
    else:
        render.diff_view(name_a, name_b, result.to_dict(), show_all=show_all)


@app.command()
def history(
    path: Annotated[str, typer.Argument(help="A stored article's path.")],
    show_all: AllOption = False,
    db: DbOption = Path("quotes.json"),
    fmt: ReportFormatOption = ReportFormat.table,
    rules: RulesOption = None,
    aliases: AliasesOption = None,
) -> None:
    """The stored versions of one article, each diffed with the one before.

    Example: quotetrack history news/article.txt
    """
    import json as _json

    from . import render
    from .diff import diff as align
    from .people import build
    from .query import QUOTE_FIELDS, _sound, path_matches
    from .store import location_of

    ruleset, extra = _rules_for(db, rules, aliases)
    articles, quotes = _read_store(db)
    mine = [x for x in articles if isinstance(x, dict) and isinstance(x.get("id"), str) and path_matches(x, path)
            and not Path(path).is_dir()]
    locations = {location_of(x) for x in mine}
    if not mine:
        raise _fail(f"{path}: no stored article at this path (see `quotetrack quotes --format json` for stored paths)")
    if len(locations) > 1:
        raise _fail(f"{path}: matches {len(locations)} stored articles; give one file")
    mine.sort(key=lambda x: x.get("version", 1))
    by_article: dict[str, list] = {x["id"]: [] for x in mine}
    for q in quotes:
        if _sound(q, QUOTE_FIELDS) and q["article_id"] in by_article:
            by_article[q["article_id"]].append(q)
    steps = []
    for old, new in zip(mine, mine[1:]):
        ra = sorted(by_article[old["id"]], key=lambda r: r["start"])
        rb = sorted(by_article[new["id"]], key=lambda r: r["start"])
        try:
            people = build(ra + rb, ruleset, extra)
        except QuotetrackError as exc:
            raise _fail(str(exc)) from None
        steps.append({"from": old.get("version", 1), "to": new.get("version", 1), **align(ra, rb, people).to_dict()})
    listing = [{"version": x.get("version", 1), "id": x["id"], "extracted_at": x.get("extracted_at"), "sha256": x.get("sha256"),
                "title": x.get("title"), "statements": len(by_article[x["id"]])} for x in mine]
    if fmt is ReportFormat.json:
        typer.echo(_json.dumps({"path": mine[-1].get("path"), "versions": listing, "diffs": steps}, ensure_ascii=False, indent=1))
    else:
        render.history_view(mine[-1].get("path") or path, listing, steps, show_all=show_all)


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

        message = exc.format_message().replace("\n", " ").strip()
        if message:  # an empty one follows the help that a bare `quotetrack` prints
            hint = f" (see {exc.ctx.command_path} --help)" if getattr(exc, "ctx", None) is not None else ""
            error(message + hint)
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
