"""Extraction on a Dask cluster: the same records as a plain run, stored the same, files shipped
to workers that cannot see them, a worker lost mid-run, and a cluster out of reach in one line."""
from __future__ import annotations

import os
import pickle
import signal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrack import batch, cluster
from quotetrack.cli import app

from .conftest import SAMPLE

runner = CliRunner()


def _folder(root: Path, n: int) -> Path:
    folder = root / "news"
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(text.replace("Петрова", ("Петрова", "Иванова", "Георгиева")[i % 3]) +
                                             f"\nБележка {i}.\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    return folder


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local, \
            Client(local) as c:
        yield c


def _plain(paths: list[str]) -> list[batch.Outcome]:
    return list(batch.run(paths, jobs=1))


def _same(a: list[batch.Outcome], b: list[batch.Outcome]) -> None:
    assert [(o.path, o.error, o.extraction) for o in a] == [(o.path, o.error, o.extraction) for o in b]


def test_the_cluster_gives_the_outcomes_of_a_plain_run_in_input_order(client, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _folder(tmp_path, 9)
    paths = sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "news").iterdir()) + ["news/missing.txt"]
    got = list(cluster.run(paths, client, chunk=2))
    _same(got, _plain(paths))
    assert [o.path for o in got] == paths  # typed paths, as a local run names them
    assert sum(o.error is not None for o in got) == 2  # the binary file and the missing one, each in one line


def test_a_task_carries_up_to_128_files_and_every_worker_gets_eight_tasks_at_least():
    # a task's cost to Dask is the same whatever it carries: big runs take the largest tasks
    assert cluster.chunk_size(100_000, 2) == 128
    assert cluster.chunk_size(100_000, 200) == 62
    assert cluster.chunk_size(1_000, 2) == 62
    assert cluster.chunk_size(5, 2) == 1
    assert cluster.chunk_size(5, 0) == 1


def test_a_task_of_shipped_files_stops_at_its_byte_limit(tmp_path: Path, monkeypatch):
    files = []
    for n in range(5):
        (tmp_path / f"{n}.txt").write_bytes(b"x" * 60)
        files.append((str(tmp_path / f"{n}.txt"), None, None, True))
    monkeypatch.setattr(cluster, "SHIP_BYTES", 100)
    shipped = list(cluster._tasks(files, 4, ship=True))
    assert [len(jobs) for jobs, _ in shipped] == [2, 2, 1]  # 120 bytes passes 100: the task ends there
    assert all(isinstance(source, bytes) for _, sources in shipped for source in sources)
    seen = list(cluster._tasks(files, 4, ship=False))  # the workers read the files: only the count
    assert [len(jobs) for jobs, _ in seen] == [4, 1]
    assert seen[0][1] == [os.path.abspath(job[0]) for job in files[:4]]


def test_a_task_gives_its_outcomes_back_as_one_pickled_object():
    # one object, which Dask sends in a frame of its own, not a list it would serialize item by item
    jobs = [(str(SAMPLE), None, None, True), ("nowhere.txt", None, None, True)]
    blob = cluster.extract_chunk(jobs, [str(SAMPLE), "nowhere.txt"])
    assert isinstance(blob, bytes)
    assert pickle.loads(blob) == batch.extract_many(jobs, [str(SAMPLE), "nowhere.txt"])


def test_workers_that_cannot_see_the_files_get_their_bytes(client, tmp_path: Path, monkeypatch):
    _folder(tmp_path, 4)
    paths = sorted(str(p) for p in (tmp_path / "news").iterdir())
    monkeypatch.setattr(cluster, "_ship", lambda client, path: True)
    _same(list(cluster.run(paths, client, chunk=2)), _plain(paths))
    # what a worker does with shipped bytes: the file itself is never opened
    job = ("elsewhere/a.txt", None, None, False)
    (outcome,) = batch.extract_many([job], [SAMPLE.read_bytes()])
    assert outcome.error is None and outcome.extraction.article.path == "elsewhere/a.txt"
    assert outcome.extraction.quotes


def test_a_worker_lost_mid_run_has_its_files_run_again(tmp_path: Path):
    from distributed import Client, LocalCluster

    _folder(tmp_path, 24)
    paths = sorted(str(p) for p in (tmp_path / "news").iterdir())
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local, \
            Client(local) as c:
        pids = list(c.run(os.getpid).values())
        got = []
        for n, outcome in enumerate(cluster.run(paths, c, chunk=1)):
            if n == 2:
                os.kill(pids[0], signal.SIGKILL)  # its nanny starts another; its tasks go to the living
            got.append(outcome)
    _same(got, _plain(paths))


def test_extract_on_a_local_cluster_stores_what_a_plain_run_stores(store_target: str, tmp_path: Path):
    news = _folder(tmp_path, 6)
    plain = runner.invoke(app, ["extract", str(news), "--no-store", "--format", "jsonl", "--jobs", "1"])
    on_cluster = runner.invoke(app, ["extract", str(news), "--db", store_target, "--format", "jsonl", "-q",
                                     "--cluster", "local:2"])
    assert on_cluster.exit_code == 1 and "binary" in on_cluster.stderr  # the broken file, named; the rest stored
    assert on_cluster.stdout == plain.stdout and plain.stdout.count("\n") > 20
    stored = runner.invoke(app, ["quotes", "--db", store_target, "--format", "jsonl"])
    assert stored.stdout.count("\n") == plain.stdout.count("\n")


@pytest.mark.parametrize("address, said", [
    ("tcp://127.0.0.1:1", "cannot reach the scheduler"),
    ("somewhere", "give a scheduler's address"),
    ("local:0", "N must be 1 or more"),
])
def test_a_cluster_out_of_reach_or_mistyped_is_one_line(tmp_path: Path, address: str, said: str, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    news = _folder(tmp_path, 1)
    result = runner.invoke(app, ["extract", str(news), "--db", str(tmp_path / "q.json"), "--cluster", address])
    assert result.exit_code == 1 and said in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "q.json").exists()  # nothing stored


def test_a_pool_keeps_a_window_of_files_ahead_of_a_slow_reader(tmp_path: Path, monkeypatch):
    from concurrent.futures import ProcessPoolExecutor

    submitted = []

    class Counting(ProcessPoolExecutor):
        def submit(self, fn, *args, **kwargs):
            submitted.append(len(args[0]))
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(batch, "ProcessPoolExecutor", Counting)
    monkeypatch.setattr(batch, "AHEAD", 2)
    _folder(tmp_path, 40)
    paths = sorted(str(p) for p in (tmp_path / "news").iterdir())
    outcomes = batch.run(paths, jobs=2)
    first = next(outcomes)
    assert sum(submitted) < len(paths) and len(submitted) == 2 * 2 + 1  # the window and one more, not all 41
    _same([first, *outcomes], _plain(paths))


def test_a_local_cluster_runs_lean_and_leaves_the_process_config_as_it_was(monkeypatch):
    import dask
    import distributed  # noqa: F401  (registers its config)

    # as in a fresh `quotetrack` process: a default cluster started earlier in this one (the
    # fixture's) has put Dask's variable into the environment every later child inherits
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)

    before = dask.config.get("distributed.admin.tick.interval")
    with cluster.connect("local:1") as client:
        on_worker = client.run(lambda: (dask.config.get("distributed.admin.tick.interval"),
                                        os.environ.get("MALLOC_TRIM_THRESHOLD_")))
        assert list(on_worker.values()) == [("1s", None)]
    assert dask.config.get("distributed.admin.tick.interval") == before != "1s"
