"""The speaker index a store keeps beside its records: who the speakers are across the store
(one row per person, as `speakers` shows them) and each one's statements, so that `speakers`
and `quotes --speaker` answer without resolving every stored statement again.

The store keeps it (files beside a TinyDB store, tables in PostgreSQL) and knows when it no
longer matches; the people are resolved here, by `resolver`, the hook a writer hands the store
(`Store.add(after=...)`), so that the store never reads the rules itself.
"""
from __future__ import annotations

import functools
import hashlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .models import Slim
from .people import Names, People, Speaker
from .rules import RULE_FILES, RuleSet, shipped_rules_dir

if TYPE_CHECKING:
    from .store import Store
    from .store.base import Resolver


def fingerprint(rules: RuleSet) -> str:
    """Which rule files the people were resolved with (their bytes, the aliases included);
    read once per process."""
    return _fingerprint(rules.directory)


@functools.lru_cache(maxsize=8)
def _fingerprint(directory: str) -> str:
    h = hashlib.sha1()
    base, shipped = Path(directory), shipped_rules_dir()
    for name in RULE_FILES:
        path = base / name if (base / name).is_file() else shipped / name
        h.update(name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def resolver(rules: RuleSet) -> Resolver:
    """Who the statements' speakers are: the ranked speaker rows and each statement's rank."""

    def resolve(slim: list[Slim]) -> tuple[list[dict[str, Any]], array]:
        people = People(slim, Names(rules))  # type: ignore[arg-type]
        ranked = people.ranked()
        order = {id(sp): n for n, sp in enumerate(ranked)}
        of = array("q", (-1 if (sp := people.of(i)) is None else order[id(sp)] for i in range(len(slim))))
        return [{**sp.to_dict(), "names": [n.text for n in sp.names]} for sp in ranked], of

    return resolve


def rebuild(rules: RuleSet):
    """The hook a writer hands `Store.add`: the index rebuilt from the store it just wrote."""

    def after(store: Store) -> None:
        store.reindex(resolver(rules), fingerprint(rules))

    return after


@dataclass
class Index:
    """The speakers as the index has them; `people().find` answers like People.find."""

    store: Store
    rows: list[dict[str, Any]]
    names: Names

    def people(self) -> People:
        """A People with the indexed speakers (no statements): enough to find a name."""
        people = People([], self.names)
        for row in self.rows:
            sp = Speaker(row["name"], row["kind"], [self.names.parse(t) for t in row["names"]], count=row["count"])
            people.speakers.append(sp)
        return people

    def statements(self, speakers: Sequence[Speaker]) -> list[dict[str, Any]]:
        """The statements of these speakers (found through `people()`), newest first."""
        wanted = {sp.name for sp in speakers}
        return list(self.store.indexed_statements([row for row in self.rows if row["name"] in wanted]))


def load(store: Store, rules: RuleSet, aliases: dict[str, str] | None) -> Index | None:
    """The index, if it was built from the store as it is now and with these rules; else None."""
    if aliases:
        return None  # the user's aliases change who is who: resolve from the records
    rows = store.read_index(fingerprint(rules))
    return None if rows is None else Index(store, rows, Names(rules))
