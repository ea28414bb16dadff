"""Shared fixtures. Corpus tests read ../shared beside the checkout; unit tests use our own text."""
from __future__ import annotations

import glob
import importlib.util
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "examples" / "sample-article.txt"


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


# -- a throwaway PostgreSQL, for the store's second backend --------------------------------------
# `.ci/run` starts one and names it in QUOTETRACK_TEST_PG; without it the tests start their own
# with the same script, where PostgreSQL is installed. With CI=true these tests never skip.

def _pg_missing(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"CI needs PostgreSQL for the store tests: {reason}")
    pytest.skip(f"no PostgreSQL here ({reason}); .ci/run installs and starts one")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    url = os.environ.get("QUOTETRACK_TEST_PG")
    if url:
        yield url
        return
    if importlib.util.find_spec("psycopg") is None:
        _pg_missing("psycopg is not installed: pip install -e '.[test]'")
    if not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        _pg_missing("Debian's postgresql package is not installed")
    # not under pytest's own temp folder: its folders are private to us, and as root the server
    # runs as the postgres user, who must reach its data folder
    folder = Path(tempfile.mkdtemp(prefix="quotetrack-pg-"))
    script = ROOT / ".ci" / "postgres-up"
    started = subprocess.run([str(script), str(folder)], capture_output=True, text=True)
    if started.returncode != 0:
        _pg_missing(f"it did not start: {started.stderr.strip()[-300:]}")
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run([str(script), str(folder), "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty database on the throwaway server, dropped after the test."""
    import psycopg

    name = f"qt_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield pg_server.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["tinydb", "postgres"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a store lives, once per backend: a TinyDB file, or a PostgreSQL URL."""
    if request.param == "tinydb":
        return str(tmp_path / "q.json")
    return request.getfixturevalue("pg_url")
