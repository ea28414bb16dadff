"""Finding and reading input files: folders walked, each file decoded (UTF-8, UTF-8 with BOM,
windows-1251 and the rest, detected by charset-normalizer), saved HTML pages cut down to the
article by trafilatura, and a file that cannot be read refused with a reason in one line."""
from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
LOOKS_HTML = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Document:
    """An input as article text (title line, blank line, body) and what its page said of it."""

    text: str
    date: str | None = None


def expand(paths: list[str], pattern: str = "*.txt") -> Iterator[str]:
    """Files named directly, and files matching `pattern` below folders (hidden ones and
    symlink loops skipped), in a stable order."""
    for p in paths:
        path = Path(p)
        if p == "-" or not path.is_dir():
            yield p
            continue
        seen: set[tuple[int, int]] = set()
        for root, dirs, files in os.walk(path, followlinks=True):
            st = os.stat(root)
            if (st.st_dev, st.st_ino) in seen:
                dirs[:] = []
                continue
            seen.add((st.st_dev, st.st_ino))
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and Path(name).match(pattern):
                    yield str(Path(root) / name)


def read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None


def load(path: str, data: bytes | None = None) -> Document:
    """The article in one input file (or in `data`, read from standard input)."""
    data = read_bytes(path) if data is None else data
    if not data.strip():
        raise InputError(path, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file, not text")
    is_html = path.lower().endswith(HTML_SUFFIXES) or bool(LOOKS_HTML.match(data[:512]))
    text = decode(path, data, html=is_html)
    return from_html(path, text) if is_html else Document(text)


def decode(path: str, data: bytes, *, html: bool = False) -> str:
    """Text from bytes: UTF-8 (with or without BOM) when it is that, else the charset an HTML page
    declares, else what charset-normalizer finds; a file that is none of these is refused."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if html:
        declared = META_CHARSET.search(data[:4096])
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.percent_chaos > 0.3:
        raise InputError(path, "cannot be decoded as text (unknown or mixed encoding)")
    return str(best)


def from_html(path: str, html: str) -> Document:
    """The article of a saved news page: its title, date and body text, without navigation,
    sidebars, comments, related links or scripts."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True, favor_precision=True)
    body = trafilatura.extract(html, include_comments=False, favor_precision=True, output_format="txt") if doc else None
    if not body or not body.strip():
        raise InputError(path, "no article text found in the HTML page")
    title = (getattr(doc, "title", None) or "").strip()
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    if title and lines and lines[0] == title:
        lines = lines[1:]
    text = "\n\n".join([title, *lines] if title else lines) + "\n"
    return Document(text, getattr(doc, "date", None))
