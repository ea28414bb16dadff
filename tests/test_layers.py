"""The package's layers: imports run downward only, and the engine is pure functions of a Doc."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "quotetrack"
ENGINE = sorted((PACKAGE / "engine").glob("*.py"))
# What the engine may import from the package above it: the rules, the records and the errors.
BELOW_ENGINE = {"rules", "models", "errors"}


def _imports(path: Path) -> set[str]:
    """The quotetrack modules a file imports, as dotted names relative to the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = path.relative_to(PACKAGE).with_suffix("").parts[:-1]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(here[: len(here) - node.level + 1])
            parts = base + (node.module.split(".") if node.module else [])
            if node.module is None:
                out |= {".".join(parts + [a.name]) for a in node.names}
            else:
                out.add(".".join(parts))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("quotetrack."):
            out.add(node.module.removeprefix("quotetrack."))
        elif isinstance(node, ast.Import):
            out |= {a.name.removeprefix("quotetrack.") for a in node.names if a.name.startswith("quotetrack.")}
    return out


@pytest.mark.parametrize("path", ENGINE, ids=lambda p: p.name)
def test_the_engine_imports_nothing_above_it(path: Path):
    above = {m for m in _imports(path) if not m.startswith("engine") and m not in BELOW_ENGINE}
    assert not above, f"engine/{path.name} imports {sorted(above)}"


@pytest.mark.parametrize("path", ENGINE, ids=lambda p: p.name)
def test_the_engine_does_no_io(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    modules = {a.name for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
    assert not names & {"open", "print", "input"}, path.name
    assert not modules & {"os", "sys", "subprocess", "tinydb", "rich", "typer"}, path.name


STORE = sorted((PACKAGE / "store").glob("*.py"))


@pytest.mark.parametrize("path", STORE, ids=lambda p: p.name)
def test_the_store_imports_nothing_above_it(path: Path):
    """The store sits under the people, the queries and the index: the caller hands it the index
    rebuild (`Store.add(after=...)`), so no import runs back up and no circle forms."""
    above = {m for m in _imports(path) if not m.startswith("store") and m not in {"models", "errors"}}
    assert not above, f"store/{path.name} imports {sorted(above)}"


def test_the_store_check_sees_imports():
    assert {"store.base", "models"} <= _imports(PACKAGE / "store" / "tinydb.py")


def test_no_class_of_the_engine_is_a_mixin():
    """Composition: the finders are functions of the Doc, not methods spread over base classes."""
    for path in ENGINE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases = [b for b in node.bases if not (isinstance(b, ast.Name) and b.id in ("NamedTuple", "object"))]
                assert not bases, f"engine/{path.name}: class {node.name} inherits from {[ast.unparse(b) for b in bases]}"


def test_the_import_check_sees_imports():
    """The check above would pass on a file it cannot read: make sure it reads this one."""
    assert "rules" in _imports(PACKAGE / "engine" / "doc.py")
    assert "engine.doc" in _imports(PACKAGE / "engine" / "extract.py")


@pytest.mark.parametrize("path", ENGINE, ids=lambda p: p.name)
def test_the_engine_never_spells_a_bulgarian_word(path: Path):
    """Language knowledge lives in rules/: a Cyrillic string in code (docstrings aside) is a rule out of place."""
    import re

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(n)}
    spelled = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
               and id(n) not in docstrings and re.search("[а-яА-Я]", n.value)]
    assert not spelled, f"engine/{path.name}: {spelled[:3]}"


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_another_modules_private_names(path: Path):
    """A leading underscore keeps a name to its module: another module asks for a public one."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = [f"{node.module}.{a.name}" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level
               for a in node.names if a.name.startswith("_") and a.name != "__version__"]
    assert not private, f"{path.relative_to(PACKAGE)} imports {private}"


def test_the_command_line_is_glue():
    """The commands parse, call the library and render: extract's work is quotetrack.ingest's,
    history's and diff --speaker's quotetrack.diff's."""
    tree = ast.parse((PACKAGE / "cli.py").read_text(encoding="utf-8"))
    commands = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)
                and any(isinstance(d, ast.Call) and ast.unparse(d.func) == "app.command" for d in n.decorator_list)}
    assert {"extract", "history", "diff"} <= set(commands)
    for name in ("extract", "history"):
        body = commands[name]
        lines = body.end_lineno - body.lineno - len(ast.get_docstring(body).splitlines())
        assert lines <= 45, f"cli.{name} holds {lines} lines"
        loops = [n for n in ast.walk(body) if isinstance(n, (ast.For, ast.While))]
        assert not loops, f"cli.{name} loops over data itself"
