"""mypy passes on the package, with the settings in pyproject.toml: the record shapes, the store
interface and the engine's signatures are checked in CI, not only read."""
from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def test_mypy_passes_on_the_package():
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]
    assert "Success" in result.stdout
