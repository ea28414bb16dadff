"""Files written whole or not at all: what the TinyDB store, its index, `export` and `report`
share. A file is replaced by renaming a fsynced temporary file over it, so a crash or a reader
sees the old file or the new one, never half of either."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

TMP_MARK = ".qt-"  # temporary files: .NAME.qt-XXXX.tmp


def file_mode(path: Path) -> int:
    """The permissions a store file keeps (mkstemp would make it 0600): its own, or the umask's."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, data: bytes | Iterable[bytes], *, mode: int) -> int:
    """Write a file whole or not at all: a temporary file, fsynced, renamed over the target,
    and the folder fsynced so that the rename itself survives a power cut. `data` may come a
    piece at a time (a page too big to hold whole). Returns the bytes written."""
    written = 0
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}{TMP_MARK}", suffix=".tmp", dir=directory)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            for piece in (data,) if isinstance(data, bytes) else data:
                written += fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    sync_dir(directory)
    return written


def sync_dir(directory: Path) -> None:
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
