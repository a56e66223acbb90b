"""The package's shape: the core in domain packages, and no modules that import each other in a
loop (at module level or inside functions; imports only a type checker reads do not run and do not
count)."""

from __future__ import annotations

from pathlib import Path

import grimp
import networkx as nx

import readiness_tui.core

CORE = Path(readiness_tui.core.__file__).parent


def _loops() -> list[set[str]]:
    graph = grimp.build_graph("readiness_tui", cache_dir=None, exclude_type_checking_imports=True)
    g: nx.DiGraph[str] = nx.DiGraph()
    for module in graph.modules:
        g.add_edges_from((module, other) for other in graph.find_modules_directly_imported_by(module))
    return [c for c in nx.strongly_connected_components(g) if len(c) > 1]


def test_no_import_loops_in_core_and_at_most_two_in_the_package() -> None:
    loops = _loops()
    in_core = [sorted(c) for c in loops if any(m.startswith("readiness_tui.core") for m in c)]
    assert in_core == []
    assert len(loops) <= 2, [sorted(c) for c in loops]


def test_the_core_is_grouped_in_packages_each_saying_what_it_owns() -> None:
    loose = sorted(p.name for p in CORE.glob("*.py"))
    assert len(loose) < 15, loose
    for package in (p for p in CORE.iterdir() if (p / "__init__.py").exists()):
        doc = (package / "__init__.py").read_text(encoding="utf-8")
        assert doc.startswith('"""'), f"{package.name}/__init__.py says nothing of what it owns"
