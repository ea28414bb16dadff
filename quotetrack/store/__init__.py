"""The store: one interface (`Store`, in base.py) and a backend per database. `open_store` picks
the backend from what the user typed: a postgresql:// URL is a PostgreSQL server, anything else
a TinyDB file. Nothing above this package asks which backend it talks to."""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import StoreError
from .base import Resolver, Store
from .files import TMP_MARK, file_mode, sync_dir, write_atomic
from .records import location_of

__all__ = ["Resolver", "Store", "StoreError", "TMP_MARK", "describe", "file_mode", "is_url", "location_of",
           "open_store", "sync_dir", "write_atomic"]

URL = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)
POSTGRES = ("postgresql://", "postgres://")


def is_url(target: str | Path) -> bool:
    """A database URL, never a file name (a file named like one is refused, not created)."""
    return bool(URL.match(str(target)))


def describe(target: str | Path) -> str:
    """How messages name a store: a file by its path, a URL without its password (in the
    user part, whatever it holds, or as a `password=` parameter)."""
    text = str(target)
    if not is_url(text):
        return text
    scheme, rest = text.split("://", 1)
    user, at, host = rest.rpartition("@")  # the last @: a password may hold / ? # and @ itself
    if at:
        name = user.split(":", 1)[0]
        rest = (f"{name}@" if name else "") + host
    base, q, query = rest.partition("?")
    if q:
        kept = [p for p in query.split("&") if not p.lower().startswith("password=")]
        rest = base + ("?" + "&".join(kept) if kept else "")
    return f"{scheme}://{rest}"


def password_of(target: str) -> str | None:
    """The password a URL carries, to keep it out of what a server's error says."""
    from urllib.parse import unquote

    rest = target.split("://", 1)[-1]
    user, at, _ = rest.rpartition("@")
    if at and ":" in user:
        return unquote(user.split(":", 1)[1]) or None
    for p in rest.partition("?")[2].split("&"):
        if p.lower().startswith("password="):
            return unquote(p.split("=", 1)[1]) or None
    return None


def open_store(target: str | Path, *, write: bool = False) -> Store:
    """The store `target` names. Reading, a file that does not exist is refused (a typo must
    not look like an empty store); writing, its folder must exist and be writable."""
    text = str(target)
    if is_url(text):
        if not text.lower().startswith(POSTGRES):
            raise StoreError(f"{text.split('://')[0]}://: not a store quotetrack knows (use a file, or postgresql://)")
        from .postgres import PostgresStore

        return PostgresStore(text, write=write)
    from .tinydb import TinyDBStore, check_writable

    path = Path(text)
    if write:
        check_writable(path)  # a typo'd or read-only --db fails before any work, not after
    elif not path.exists():
        raise StoreError(f"{path}: no store here yet (run `quotetrack extract FILES --db {path}` first)")
    return TinyDBStore(path)
