"""Finding and reading input files: folders walked, each file decoded (UTF-8, UTF-8 with BOM,
windows-1251 and the rest, detected by charset-normalizer), saved HTML pages cut down to the
article by trafilatura, and a file that cannot be read refused with a reason in one line."""
from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
UTF8_CYRILLIC = re.compile(rb"[\xd0-\xd3][\x80-\xbf]")  # a Cyrillic letter's two UTF-8 bytes
LOOKS_HTML = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Document:
    """An input as article text (title line, blank line, body) and what its page said of it."""

    text: str
    date: str | None = None


def expand(paths: list[str], pattern: str = "*.txt", *, on_error: Callable[[str], None] | None = None) -> Iterator[str]:
    """Files named directly, and files matching `pattern` below folders (hidden ones and
    symlink loops skipped), in a stable order. A folder that cannot be read is reported to
    `on_error` in one line ("news/locked: cannot read the folder (permission denied)") and
    the walk goes on."""
    def walk_error(exc: OSError) -> None:
        if on_error is not None:
            on_error(f"{exc.filename}: cannot read the folder ({(exc.strerror or 'error').lower()})")

    for p in paths:
        path = Path(p)
        try:
            is_dir = p != "-" and path.is_dir()
        except OSError:  # a folder above it cannot be searched: reading the file will say so
            is_dir = False
        if not is_dir:
            yield p
            continue
        seen: set[tuple[int, int]] = set()
        for root, dirs, files in os.walk(path, followlinks=True, onerror=walk_error):
            st = os.stat(root)
            if (st.st_dev, st.st_ino) in seen:
                dirs[:] = []
                continue
            seen.add((st.st_dev, st.st_ino))
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and Path(name).match(pattern):
                    yield str(Path(root) / name)


def read_bytes(path: str, *, at: str | None = None) -> bytes:
    """A file's bytes; `at` is where this process finds it (a cluster worker, in another
    folder), while errors name it as the user typed it."""
    try:
        return Path(at or path).read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None


def load(path: str, data: bytes | None = None, *, on_warning: Callable[[str], None] | None = None) -> Document:
    """The article in one input file (or in `data`, read from standard input). What was
    repaired on the way (stray bytes) is told to `on_warning` in one line."""
    data = read_bytes(path) if data is None else data
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:  # UTF-16 says so with its BOM (Windows "Unicode" text)
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise InputError(path, "cannot be decoded as text (a UTF-16 mark, but not UTF-16)") from None
    if not data.strip():
        raise InputError(path, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file, not text")
    is_html = path.lower().endswith(HTML_SUFFIXES) or bool(LOOKS_HTML.match(data[:512]))
    text = decode(path, data, html=is_html, on_warning=on_warning)
    return from_html(path, text) if is_html else Document(text)


STRAY_BYTES = 0.001  # of the text: UTF-8 with fewer bad bytes than this is UTF-8 with a few stray ones


def decode(path: str, data: bytes, *, html: bool = False, on_warning: Callable[[str], None] | None = None) -> str:
    """Text from bytes: UTF-8 (with or without BOM) when it is that, or nearly (a few stray
    bytes replaced, with a warning), else the charset an HTML page declares, else what
    charset-normalizer finds; a file that is none of these is refused."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    repaired = data.decode("utf-8-sig", errors="replace")
    bad = repaired.count("\ufffd") - data.decode("utf-8-sig", errors="ignore").count("\ufffd")
    if 0 < bad <= max(3, len(data) * STRAY_BYTES) and _mostly_utf8(data):
        if on_warning is not None:
            on_warning(f"{path}: {bad} stray byte{'s' if bad != 1 else ''} (not UTF-8) replaced")
        return repaired
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


def _mostly_utf8(data: bytes) -> bool:
    """Whether the bytes hold UTF-8's multi-byte letters (Cyrillic), so that a handful of bad
    ones are strays, not a sign of another encoding (windows-1251 has no valid UTF-8 pairs)."""
    return len(UTF8_CYRILLIC.findall(data, 0, 65536)) >= 8


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
