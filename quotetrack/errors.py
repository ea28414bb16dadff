"""Every error quotetrack raises on purpose. The CLI turns these into one line on stderr."""
from __future__ import annotations


class QuotetrackError(Exception):
    """Base class: a problem the user can fix, with a message fit to show as it is."""


class RulesError(QuotetrackError):
    """A rule file is missing, does not parse, or has an invalid entry."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


class InputError(QuotetrackError):
    """An input file cannot be read as an article (missing, unreadable, binary, empty, undecodable)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(QuotetrackError):
    """The store file is not a quotetrack store, is corrupt, or cannot be written."""
