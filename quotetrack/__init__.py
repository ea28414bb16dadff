"""quotetrack: who said what, credited to whom, in Bulgarian news.

The names below are imported on first use, so that `quotetrack --help` does not load the
extraction engine and its rules.
"""
from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_WHERE = {
    "InputError": "errors", "QuotetrackError": "errors", "RulesError": "errors", "StoreError": "errors",
    "extract_article": "engine.extract", "extract_text": "engine.extract",
    "Article": "models", "Extraction": "models", "Quote": "models",
    "RuleSet": "rules", "load_rules": "rules",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
