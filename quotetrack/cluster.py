"""Extracting over a Dask cluster: the same pure per-file work as `batch`, mapped over the
cluster's workers in chunks, the outcomes given back in input order as they arrive.

`--cluster tcp://host:8786` joins a running scheduler; `--cluster local:N` starts a LocalCluster
of N single-thread processes on this machine (and stops it after). Workers read the files
themselves where they can see them (a shared disk, this machine); otherwise the client reads
each file and ships its bytes with the task. A worker lost mid-run has its chunks run again by
the scheduler; nothing is stored twice, as only the client stores, each file once.
"""
from __future__ import annotations

import functools
import itertools
import logging
import os
import pickle
import re
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from .batch import Outcome, extract_many
from .errors import InputError, QuotetrackError

# files per task, at most: a task costs the client and its worker 4.4 ms of CPU whatever it
# carries (the scheduler, both event loops, a message each way; measured with 1,000 empty
# tasks), against about 3 ms a file to extract, so 32-file tasks spent 4.5% of a run on Dask
# and 128-file ones spend 1.1%; a small run takes smaller ones, eight a worker at least, so
# that every worker has its share
CHUNK = 128
IN_FLIGHT = 8  # tasks per worker submitted ahead: enough to keep every worker busy
SHIP_BYTES = 8_000_000  # a task's files' bytes, at most, when the client ships them (Dask warns at 10 MB)
LOCAL = re.compile(r"local(?::(\d+))?")
CONNECT_TIMEOUT = "10s"  # a scheduler that has not answered by then is out of reach


class ClusterError(QuotetrackError):
    """The cluster cannot be reached or started."""


def workers_of(address: str) -> int | None:
    """N of "local:N" ("local" alone: a process per core); None for a scheduler's address."""
    m = LOCAL.fullmatch(address.strip())
    if m is None:
        if "://" not in address and ":" not in address:
            raise ClusterError(f"--cluster {address!r}: give a scheduler's address (tcp://host:8786) or local:N")
        return None
    n = int(m.group(1)) if m.group(1) else (os.cpu_count() or 1)
    if n < 1:
        raise ClusterError("--cluster local:N: N must be 1 or more")
    return n


@contextmanager
def connect(address: str) -> Iterator[Any]:
    """A Dask client on the cluster `address` names; a local cluster is closed on the way out."""
    n = workers_of(address)
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--cluster needs Dask: pip install 'quotetrack[cluster]'") from None
    if n is not None:
        import dask

        # processes: the extractor is pure Python, so threads would share one interpreter lock.
        # A cluster that lives for one run needs none of a long-lived one's upkeep, each of which
        # takes its share of the cores the extraction runs on: a profiler sampling every worker's
        # stack 100 times a second, the event loop's watchdog waking it 50 times a second, memory
        # and system monitors ten and two times a second, a GIL monitor, and glibc handing freed
        # memory back to the system after every large free (Dask's MALLOC_TRIM_THRESHOLD_). Set
        # for this cluster only: its scheduler and nannies read them as they start.
        environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
        environ.pop("MALLOC_TRIM_THRESHOLD_", None)
        with dask.config.set({"distributed.worker.profile.enabled": False,
                              "distributed.admin.tick.interval": "1s",
                              "distributed.worker.memory.monitor-interval": "1s",
                              "distributed.admin.system-monitor.interval": "5s",
                              "distributed.admin.system-monitor.gil.enabled": False,
                              "distributed.nanny.pre-spawn-environ": environ}):
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0",
                                   silence_logs=logging.ERROR)
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"--cluster {address}: cannot reach the scheduler ({exc})") from None
    try:
        yield client
    finally:
        client.close()


def _ship(client: Any, path: str) -> bool:
    """Whether the workers cannot see the files, so the client must send their bytes."""
    seen = client.run(os.path.isfile, os.path.abspath(path))
    return not seen or not all(seen.values())


def _source(path: str, ship: bool) -> bytes | str:
    """What a worker reads a file from: its absolute path, or its bytes when it cannot see it."""
    where = os.path.abspath(path)
    if not ship:
        return where
    try:
        with open(where, "rb") as fh:
            return fh.read()
    except OSError:
        return where  # the worker then names the error, as a local run does


def extract_chunk(jobs: Sequence[tuple[str, str | None, str | None, bool]], sources: Sequence[bytes | str]) -> bytes:
    """What a worker runs: `batch.extract_many`, its outcomes pickled into one bytes object.
    Dask sends one object in a frame of its own, where it would serialize a list's items one by
    one: a 128-file task costs the worker and the client 9 ms of CPU, not 17 (500 tasks, twice)."""
    return pickle.dumps(extract_many(jobs, sources), protocol=pickle.HIGHEST_PROTOCOL)


def chunk_size(files: int, workers: int, most: int = CHUNK) -> int:
    """Files per task: `most`, or fewer, so that each worker gets eight tasks when there are
    files enough (one file a task when there are not)."""
    return max(1, min(most, files // (max(1, workers) * 8)))


def _tasks(work: list[tuple[str, str | None, str | None, bool]], size: int, ship: bool) -> Iterator[tuple[list, list]]:
    """Each task's jobs and what its worker reads them from: `size` files, or fewer when the
    client ships their bytes and these pass SHIP_BYTES (large HTML pages)."""
    i = 0
    while i < len(work):
        jobs: list = []
        sources: list = []
        carried = 0
        while i < len(work) and len(jobs) < size and carried < SHIP_BYTES:
            source = _source(work[i][0], ship)
            jobs.append(work[i])
            sources.append(source)
            carried += len(source) if isinstance(source, bytes) else 0
            i += 1
        yield jobs, sources


def run(paths: Sequence[str], client: Any, *, known: dict[str, str] | None = None, rules_dir: str | None = None,
        packed: bool = False, tick: Callable[[], None] | None = None, chunk: int | None = None) -> Iterator[Outcome]:
    """Outcomes in the order of `paths`, as `batch.run` gives them, computed on the cluster
    (`chunk` files a task; by default `chunk_size`'s)."""
    if not paths:
        return
    known = known or {}
    work = [(p, known.get(os.path.abspath(p)), rules_dir, packed) for p in paths]
    ship = _ship(client, paths[0])
    if rules_dir is not None and not all(client.run(os.path.isdir, rules_dir).values()):
        raise InputError(rules_dir, "--rules: the cluster's workers cannot see this folder")
    if chunk is not None and chunk < 1:
        raise ValueError("chunk must be 1 or more")
    workers = len(client.nthreads()) or 1  # (scheduler_info lists five workers at most on some versions)
    tasks = _tasks(work, chunk or chunk_size(len(work), workers), ship)
    # a window of tasks ahead, refilled one for one as outcomes are taken; pure=False: a task is
    # run again after a lost worker, never taken from a cache
    submit = functools.partial(client.submit, extract_chunk, pure=False, retries=2)
    pending: deque[Any] = deque(itertools.starmap(submit, itertools.islice(tasks, IN_FLIGHT * workers)))
    try:
        while pending:
            try:
                done = pickle.loads(pending.popleft().result())
            except Exception as exc:  # the cluster's own failures (a chunk that killed its workers)
                raise ClusterError(f"the cluster failed: {type(exc).__name__}: {exc}".splitlines()[0]) from None
            pending.extend(itertools.starmap(submit, itertools.islice(tasks, 1)))
            for outcome in done:
                if tick:
                    tick()
                yield outcome
    finally:
        for future in pending:
            future.cancel()
