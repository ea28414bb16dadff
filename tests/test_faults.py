"""Faults: a writer killed at any moment leaves the store as it was or complete; two writers at
once both land; readers never see half a store; adversarial text cannot hang extraction."""
from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path


from quotetrack.store.tinydb import TinyDBStore

from .conftest import SAMPLE

CLI = [sys.executable, "-m", "quotetrack"]


def _folder(root: Path, name: str, n: int) -> Path:
    """n distinct articles: the sample with one line changed, so every content hash differs."""
    folder = root / name
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(n):
        (folder / f"{name}-{i:04d}.txt").write_text(text.replace("12 Март, 2026", f"{i % 28 + 1} Март, 2026") + f"\nБележка {name} {i}.\n", encoding="utf-8")
    return folder


def _extract(folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([*CLI, "extract", str(folder), "--db", str(db), "--format", "jsonl"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _articles(db: Path) -> set[str]:
    data = json.loads(db.read_text(encoding="utf-8"))
    assert data["meta"]["1"]["format"] == "quotetrack"
    articles, quotes = TinyDBStore(db).snapshot()  # every part the store lists is there and whole
    paths = {a["path"] for a in articles}
    assert {q["article_id"] for q in quotes} == {a["id"] for a in articles}  # no article without its quotes
    return paths


def test_sigkill_at_any_moment_leaves_the_store_before_or_after_the_batch(tmp_path: Path):
    first, second = _folder(tmp_path, "a", 20), _folder(tmp_path, "b", 150)
    db = tmp_path / "q.json"
    assert _extract(first, db).wait() == 0
    before = _articles(db)
    saved = tmp_path / "saved.json"
    shutil.copy(db, saved)
    started = time.monotonic()
    assert _extract(second, db).wait() == 0
    whole = time.monotonic() - started
    after = _articles(db)
    assert before < after and len(after) == 170
    outcomes = []
    for k in range(1, 10):  # nine kill points spread over a whole run
        shutil.copy(saved, db)
        proc = _extract(second, db)
        time.sleep(whole * k / 10)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = _articles(db)
        assert now in (before, after)
        outcomes.append(now == after)
    # the next run carries on from whatever the killed one left
    assert _extract(second, db).wait() == 0 and _articles(db) == after
    assert not list(tmp_path.glob(".q.json.*.tmp"))
    listed = {p["file"] for p in json.loads(db.read_text(encoding="utf-8"))["parts"].values()}
    assert {p.name for p in (tmp_path / "q.json.parts").iterdir()} == listed  # killed writers' parts swept
    # and the killed runs' process pools went with them
    deadline = time.monotonic() + 10
    while _processes_on(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_on(tmp_path) == []


def _processes_on(folder: Path) -> list[int]:
    """Live processes whose command line names a path under `folder`."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and str(folder).encode() in (proc / "cmdline").read_bytes():
                found.append(int(proc.name))
        except OSError:
            pass  # gone meanwhile
    return found


def test_two_writers_at_once_both_land_and_readers_never_see_half_a_store(tmp_path: Path):
    one, two = _folder(tmp_path, "one", 80), _folder(tmp_path, "two", 80)
    db = tmp_path / "q.json"
    assert _extract(_folder(tmp_path, "seed", 1), db).wait() == 0
    bad_reads: list[str] = []
    stop = threading.Event()

    def reader() -> None:
        while not stop.is_set():
            try:
                TinyDBStore(db).snapshot()  # the store and every part it lists, whole
            except Exception as exc:
                bad_reads.append(str(exc))

    thread = threading.Thread(target=reader)
    thread.start()
    procs = [_extract(one, db), _extract(two, db)]
    codes = [p.wait() for p in procs]
    stop.set()
    thread.join()
    assert codes == [0, 0], [p.stderr.read() for p in procs]
    assert bad_reads == []
    assert len(_articles(db)) == 161


def test_adversarial_text_cannot_hang_extraction(tmp_path: Path):
    """A megabyte of unmatched quote marks, endless reporting verbs and no sentence ends.
    The time limit is a guard against runaway backtracking, not a speed target (see bench/)."""
    path = tmp_path / "evil.txt"
    piece = '„ " “ « каза заяви, че Петров: според той – Това каза „ по думите на Иван '
    path.write_text("Заглавие\n\n" + piece * (1_000_000 // len(piece)), encoding="utf-8")
    proc = subprocess.run([*CLI, "extract", str(path), "--no-store", "--format", "jsonl"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-500:]
