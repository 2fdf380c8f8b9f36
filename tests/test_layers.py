"""The package's import graph: no cycle between modules, lazy imports included.

Every ``import`` in a module counts, at the top or inside a function (a lazy import
still ties the two modules together: each needs the other to work); only imports
under ``if TYPE_CHECKING:`` do not, since they never run. A package's
``__init__`` counts as a module of its own.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "pressrelease"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _under_type_checking(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def imports(path: Path, modules: set[str], name: str | None = None) -> set[str]:
    """The package's modules that ``path`` (module ``name``) imports, at any depth of its code.

    ``from . import a, b`` of submodules imports those submodules; the package itself is
    already loaded, so it counts only when a name is taken from it.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    name = name or module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if _under_type_checking(node, parents):
            continue
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names]
            if any(target not in modules for target in targets):
                targets.append(base)  # a name from the module itself
        else:
            continue
        for target in targets:
            while target and target not in modules:  # `from .x import name`: the module x
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    paths = sorted((SRC / PACKAGE).rglob("*.py"))
    modules = {module_name(p) for p in paths}
    return {module_name(p): imports(p, modules) - {PACKAGE} for p in paths}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each strongly connected group of modules (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


def test_no_module_imports_one_that_imports_it_back() -> None:
    assert cycles(graph()) == []


#: The layers, lowest first: a module imports only from its own part of the tree or
#: from a lower layer (the package's ``__init__`` re-exports from below: it counts as a top).
LAYERS = [
    {"errors", "model", "slug", "atomic", "assets", "budget", "exit_hooks"},
    {"organizations", "pools"},
    {"config"},
    {"parse", "discover"},
    {"lint", "render", "importer", "inspection", "gendata"},
    {"build", "report"},
    {"site", "preview"},
    {"cli", ""},
    {"__main__"},
]


def _part(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


def test_imports_only_go_down_the_layers() -> None:
    rank = {part: level for level, parts in enumerate(LAYERS) for part in parts}
    edges = graph()
    unplaced = {_part(m) for m in edges} - set(rank)
    assert unplaced == set(), "place every top-level module in LAYERS"
    upward = sorted(
        (source, target)
        for source, targets in edges.items()
        for target in targets
        if _part(source) != _part(target) and rank[_part(target)] >= rank[_part(source)]
    )
    assert upward == []


def test_the_checker_sees_lazy_imports_and_skips_type_checking_ones(tmp_path: Path) -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(edges) == [["a", "b", "c"]]
    source = tmp_path / "m.py"
    source.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .never import X\n"
        "def f():\n    from .late import y\n    import pressrelease.model\n",
        encoding="utf-8",
    )
    found = imports(source, {"pkg.late", "pkg.never", "pressrelease.model"}, "pkg.m")
    assert found == {"pkg.late", "pressrelease.model"}
