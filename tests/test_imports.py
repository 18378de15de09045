"""The import graph of the package, read from the source with ``ast``: no cycle between modules,
none between packages, and no module importing another package's private name.

Every import counts: at module level, inside functions, and under ``if TYPE_CHECKING`` (a
type-only import still says which package depends on which). ``from .pkg import name`` is an
import of ``pkg.name`` when that is a module, else of ``pkg``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "consilience"


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    found: dict[str, Path] = {}
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def resolve(importer: str, is_package: bool, level: int, target: str | None) -> str:
    """The absolute name ``from <level dots><target>`` names inside module ``importer``."""
    if level == 0:
        return target or ""
    base = importer.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, target] if target else base)


def imports(name: str, path: Path, known: dict[str, Path]) -> Iterator[tuple[str, str | None]]:
    """(module imported, name taken from it or None) for every import in ``path``, within the
    package only."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == PACKAGE:
                    yield alias.name, None
        elif isinstance(node, ast.ImportFrom):
            source = resolve(name, is_package, node.level, node.module)
            if source.split(".")[0] != PACKAGE:
                continue
            for alias in node.names:
                sub = f"{source}.{alias.name}"
                yield (sub, None) if sub in known else (source, alias.name)


def owner(module: str) -> str:
    """The top-level package (or module) of ``consilience`` that ``module`` belongs to."""
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else parts[0]


def graphs() -> tuple[dict[str, set[str]], dict[str, set[str]], list[str]]:
    """Module graph, package graph, and the private names imported across packages."""
    known = modules()
    by_module: dict[str, set[str]] = {m: set() for m in known}
    by_package: dict[str, set[str]] = {owner(m): set() for m in known}
    private: list[str] = []
    for name, path in known.items():
        for target, taken in imports(name, path, known):
            if target not in known:
                continue
            if target != name:
                by_module[name].add(target)
            if owner(target) != owner(name):
                by_package[owner(name)].add(owner(target))
                if taken is not None and taken.startswith("_") and not taken.startswith("__"):
                    private.append(f"{name} imports {target}.{taken}")
    # the root package's __init__ re-exports the library: it is not a stage in the flow
    by_package.pop(PACKAGE, None)
    for targets in by_package.values():
        targets.discard(PACKAGE)
    return by_module, by_package, private


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_reader_sees_every_kind_of_import():
    by_module, by_package, _ = graphs()
    # a relative import inside a function (cli imports the pipeline lazily)
    assert "consilience.pipeline" in by_module["consilience.cli"]
    assert "consilience.model" in by_module["consilience.pipeline"]
    assert "consilience.model" in by_package["consilience.pipeline"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_imports_itself_back():
    by_module, _, _ = graphs()
    assert cycles(by_module) == []


def test_packages_depend_one_way():
    _, by_package, _ = graphs()
    assert cycles(by_package) == []


def test_no_private_name_crosses_a_package():
    _, _, private = graphs()
    assert private == []
