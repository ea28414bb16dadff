"""Finding and reading input files: folders walked, each file read to text or refused with a
reason in one line."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .errors import InputError


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


def read(path: str) -> str:
    """The text of one article file."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    if not data.strip():
        raise InputError(path, "empty file")
    if b"\x00" in data[:4096]:
        raise InputError(path, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text") from None
