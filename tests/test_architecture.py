"""The code's shape: no import circles, short modules and functions, keyword-only arguments.

The import contracts between product areas are in ``.importlinter`` (``make lint``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("assessment", "benchmark", "charts", "config", "consultants", "perf", "reports",
            "survey", "workshops")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
MAX_POSITIONAL = 4
# Arguments a caller never names: the instance, the class, the request of a view.
IMPLICIT = {"self", "cls", "request"}


def _modules() -> list[Path]:
    return sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py")
                  if "migrations" not in p.parts)


def _functions(path: Path):
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def test_no_import_circle_between_modules():
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    circles = set()
    for importer in graph.modules:
        for imported in graph.find_modules_directly_imported_by(importer):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back:
                circles.add(" -> ".join((importer, *back)))
    assert not circles, sorted(circles)


def _long_modules(paths: list[Path]) -> dict[str, int]:
    return {p.name: n for p in paths if (n := len(p.read_text().splitlines())) > MAX_MODULE_LINES}


def _long_functions(paths: list[Path]) -> dict[str, int]:
    return {f"{p.name}:{f.lineno} {f.name}": f.end_lineno - f.lineno + 1
            for p in paths for f in _functions(p)
            if f.end_lineno - f.lineno + 1 > MAX_FUNCTION_LINES}


def _positional_offenders(paths: list[Path]) -> list[str]:
    """Functions with more than four arguments that take any of them by position."""
    offenders = []
    for path in paths:
        for f in _functions(path):
            positional = [a.arg for a in (*f.args.posonlyargs, *f.args.args)
                          if a.arg not in IMPLICIT]
            if len(positional) + len(f.args.kwonlyargs) > MAX_POSITIONAL and positional:
                offenders.append(f"{path.name}:{f.lineno} {f.name}{positional}")
    return offenders


def test_no_module_over_the_limit():
    assert not _long_modules(_modules())


def test_no_function_over_the_limit():
    assert not _long_functions(_modules())


def test_many_arguments_are_keyword_only():
    assert not _positional_offenders(_modules())


@pytest.mark.parametrize("package", PACKAGES)
def test_each_package_says_what_it_is_and_what_it_may_import(package):
    doc = ast.get_docstring(ast.parse((ROOT / package / "__init__.py").read_text()))
    assert doc and "import" in doc, f"{package}/__init__.py needs a docstring"


def test_the_shape_checks_catch_a_bad_module(tmp_path):
    bad = tmp_path / "bad.py"
    body = "    x = 1\n" * MAX_MODULE_LINES
    bad.write_text(f"def long(a, b, c, d, e):\n{body}\n\ndef fine(*, a, b, c, d, e):\n    pass\n")
    assert list(_long_modules([bad])) == ["bad.py"]
    assert list(_long_functions([bad])) == ["bad.py:1 long"]
    assert _positional_offenders([bad]) == ["bad.py:1 long['a', 'b', 'c', 'd', 'e']"]
